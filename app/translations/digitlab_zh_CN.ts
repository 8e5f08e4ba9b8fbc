<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BarStrip</name>
    <message>
        <source>{title} · largest {peak}</source>
        <translation>{title} · 最大 {peak}</translation>
    </message>
    <message>
        <source>{title} · unit {unit} = {value}</source>
        <translation>{title} · 单元 {unit} = {value}</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>画板</translation>
    </message>
</context>
<context>
    <name>CompactCurve</name>
    <message>
        <source>Training loss and validation accuracy; click for the full curves (Train tab)</source>
        <translation>训练损失与验证准确率；点击查看完整曲线（训练页）</translation>
    </message>
    <message>
        <source>loss {value}</source>
        <translation>损失 {value}</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>validation {value}%</source>
        <translation>验证 {value}%</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
</context>
<context>
    <name>ConfigErrors</name>
    <message>
        <source>{label} must be a whole number from {low} to {high}, got {value}</source>
        <translation>{label}必须是 {low} 到 {high} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{label} must be a whole number at least {low}, got {value}</source>
        <translation>{label}必须是不小于 {low} 的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{label} must be a number in {interval}, got {value}</source>
        <translation>{label}必须是区间 {interval} 内的数，而不是 {value}。</translation>
    </message>
    <message>
        <source>unknown {label} {value}; choose one of {known}</source>
        <translation>未知的{label} {value}；可选：{known}。</translation>
    </message>
    <message>
        <source>batch size {batch} is larger than the {images} training images</source>
        <translation>批大小 {batch} 超过了训练图像的数量（{images} 张）。</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>gamma</source>
        <translation>衰减因子 gamma</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>耐心轮数</translation>
    </message>
    <message>
        <source>schedule step size</source>
        <translation>调度步长</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>reports per epoch</source>
        <translation>每轮报告次数</translation>
    </message>
    <message>
        <source>batches between progress reports</source>
        <translation>进度报告间隔批数</translation>
    </message>
    <message>
        <source>training-set size</source>
        <translation>训练集大小</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <source> (details in {0})</source>
        <translation>（详情见 {0}）</translation>
    </message>
    <message>
        <source>The details were written to {0}.</source>
        <translation>详细信息已写入 {0}。</translation>
    </message>
    <message>
        <source>The details could not be written to a log.</source>
        <translation>详细信息无法写入日志。</translation>
    </message>
    <message>
        <source>Your drawing, network and settings are intact, and DigitLab keeps running.</source>
        <translation>你的绘图、网络和设置都完好无损，DigitLab 会继续运行。</translation>
    </message>
    <message>
        <source>An unexpected error in {0}.</source>
        <translation>{0} 中发生意外错误。</translation>
    </message>
    <message>
        <source>DigitLab: something went wrong</source>
        <translation>DigitLab：出错了</translation>
    </message>
</context>
<context>
    <name>EvaluateDialog</name>
    <message>
        <source>Evaluate {0}</source>
        <translation>评估 {0}</translation>
    </message>
    <message>
        <source>Evaluating {0} on {1} MNIST test images…</source>
        <translation>正在用 {1} 张 MNIST 测试图像评估 {0}…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop drawing; the sets already scored stay shown</source>
        <translation>停止生成绘图；已评估的数据集结果会保留</translation>
    </message>
    <message>
        <source>Then the {0} standard drawings of each kind, drawn once and bundled with DigitLab, read as the window reads a drawing (as python -m model evaluate --canvas {1}).</source>
        <translation>接着识别每类 {0} 张标准绘图（预先生成一次并随 DigitLab 附带），识别方式与窗口读取绘图相同（与 python -m model evaluate --canvas {1} 相同）。</translation>
    </message>
    <message>
        <source>Then {0} drawings of each kind, made and read as the window reads a drawing (as python -m model evaluate --canvas {1}); this takes a minute or two.</source>
        <translation>接着每类生成 {0} 张绘图，并像窗口读取绘图那样识别（与 python -m model evaluate --canvas {1} 相同）；需要一两分钟。</translation>
    </message>
    <message>
        <source>Reading the standard drawings: {0} ({1} of {2}), {3} each…</source>
        <translation>正在识别标准绘图：{0}（第 {1}/{2} 类），每类 {3} 张…</translation>
    </message>
    <message>
        <source>Drawing and reading: {0} ({1} of {2}), {3} drawings each…</source>
        <translation>正在生成并识别：{0}（第 {1}/{2} 类），每类 {3} 张…</translation>
    </message>
    <message>
        <source>Rows are the true digit, columns the prediction; the last column is the accuracy on each digit.</source>
        <translation>行是真实数字，列是预测结果；最后一列是每个数字的准确率。</translation>
    </message>
    <message>
        <source>MNIST test: confusion matrix</source>
        <translation>MNIST 测试集：混淆矩阵</translation>
    </message>
    <message>
        <source>Drawings as people draw them: MNIST digits redrawn large and thick, digits in fonts, pen strokes, and drawings that are no digit. A refused digit counts as wrong; ECE is that of the answers given.</source>
        <translation>人们实际画出的样子：放大加粗重画的 MNIST 数字、各种字体的数字、笔画数字，以及不是数字的图画。被拒识的数字算作错误；ECE 只统计给出答案的样本。</translation>
    </message>
    <message>
        <source>All sets</source>
        <translation>所有数据集</translation>
    </message>
    <message>
        <source>Reliability on</source>
        <translation>可靠性图：</translation>
    </message>
    <message>
        <source>How often the network is right at each confidence it shows (on the diagonal: the confidence can be trusted).</source>
        <translation>网络在它给出的每个置信度下有多大比例是对的（落在对角线上说明置信度可信）。</translation>
    </message>
    <message>
        <source>cannot refuse (no threshold in this file)</source>
        <translation>无法拒识（此文件没有阈值）</translation>
    </message>
    <message>
        <source>{0} refused ({1})</source>
        <translation>拒识 {0} 张（{1}）</translation>
    </message>
    <message>
        <source>MNIST test accuracy &lt;b&gt;{0}&lt;/b&gt; · {1} mistakes · {2}</source>
        <translation>MNIST 测试准确率 &lt;b&gt;{0}&lt;/b&gt; · 错误 {1} 个 · {2}</translation>
    </message>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 测试集</translation>
    </message>
    <message>
        <source>Every set is scored: {0} drawings of each kind, as python -m model evaluate --canvas {1}.</source>
        <translation>所有数据集都已评估：每类 {0} 张绘图，与 python -m model evaluate --canvas {1} 相同。</translation>
    </message>
    <message>
        <source>Stopped before MNIST test was scored.</source>
        <translation>在 MNIST 测试集评估完成前已停止。</translation>
    </message>
    <message>
        <source>Stopped: the sets not scored show “…”.</source>
        <translation>已停止：未评估的数据集显示为“…”。</translation>
    </message>
    <message>
        <source>Evaluation failed: {0}</source>
        <translation>评估失败：{0}</translation>
    </message>
    <message>
        <source>Redrawn</source>
        <translation>重画</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Strokes</source>
        <translation>笔画</translation>
    </message>
    <message>
        <source>Not digits</source>
        <translation>非数字</translation>
    </message>
    <message>
        <source>acc.</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>拒识</translation>
    </message>
    <message>
        <source>ECE</source>
        <translation>ECE</translation>
    </message>
    <message>
        <source>digit {0}</source>
        <translation>数字 {0}</translation>
    </message>
    <message>
        <source>cannot refuse</source>
        <translation>无法拒识</translation>
    </message>
</context>
<context>
    <name>ExperimentWorker</name>
    <message>
        <source>{name}: cannot write the results to {folder}: {error}</source>
        <translation>{name}：无法把结果写入 {folder}：{error}</translation>
    </message>
    <message>
        <source>{name} failed: {error}</source>
        <translation>{name} 失败：{error}</translation>
    </message>
</context>
<context>
    <name>Experiments</name>
    <message>
        <source>curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>curves mlp</source>
        <translation>曲线 MLP</translation>
    </message>
    <message>
        <source>curves small-cnn</source>
        <translation>曲线 small-cnn</translation>
    </message>
    <message>
        <source>error curves</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>gradient profile</source>
        <translation>梯度分布</translation>
    </message>
    <message>
        <source>loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <source>mlp vs cnn</source>
        <translation>MLP 与 CNN</translation>
    </message>
    <message>
        <source>mnist 012</source>
        <translation>MNIST 0/1/2</translation>
    </message>
    <message>
        <source>results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>seeds</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Sigmoid, tanh, ReLU, leaky ReLU in the MLP and the small CNN: train/test curves</source>
        <translation>MLP 和小型 CNN 中的 Sigmoid、tanh、ReLU、Leaky ReLU：训练/测试曲线</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>small CNN</source>
        <translation>小型 CNN</translation>
    </message>
    <message>
        <source>Activations in the {network} ({data}, {epochs} epochs)</source>
        <translation>{network} 中的激活函数（{data}，{epochs} 轮）</translation>
    </message>
    <message>
        <source>Activations after the last epoch</source>
        <translation>最后一轮后的各激活函数</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>SGD with momentum {momentum}, lr {lr}, batch {batch}, seed {seed}; </source>
        <translation>带动量 {momentum} 的 SGD，学习率 {lr}，批大小 {batch}，随机种子 {seed}；</translation>
    </message>
    <message>
        <source>{network}: {n} training images, {epochs} epochs</source>
        <translation>{network}：{n} 张训练图像，{epochs} 轮</translation>
    </message>
    <message>
        <source>Best test accuracy: </source>
        <translation>测试准确率最高：</translation>
    </message>
    <message>
        <source>Sigmoid saturates and passes back at most a quarter of the gradient per layer, so it starts slowest; tanh is zero-centred and faster; ReLU and leaky ReLU keep the gradient alive.</source>
        <translation>Sigmoid 会饱和，每层最多只把四分之一的梯度传回去，所以起步最慢；tanh 以零为中心，更快一些；ReLU 和 Leaky ReLU 能让梯度保持畅通。</translation>
    </message>
    <message>
        <source>fitting</source>
        <translation>欠拟合与过拟合</translation>
    </message>
    <message>
        <source>Under-fitting (weights far too small) and over-fitting (big net, 1,000 images): the gap</source>
        <translation>欠拟合（权重太小）与过拟合（大网络、1,000 张图像）：训练与测试的差距</translation>
    </message>
    <message>
        <source>Under-fitting: the model does not fit even its training data, so training and test loss stay high and close together. Here every weight starts at a standard deviation of {std:g}: each layer multiplies the signal by a tiny number on the way forward and the gradient on the way back, so the network outputs near-equal probabilities (loss ln(10) = {ln10:.3f}) and learns almost nothing. A sensible initialisation (He, Xavier) or a larger learning rate fixes it.

Over-fitting: a network with far more weights than there are training images memorises them. Training accuracy climbs to {over_train:.1%} while test accuracy stays at {over_test:.1%}, and the test loss turns up while the training loss keeps falling. More data, a smaller network, regularization (dropout, weight decay, augmentation) or early stopping on a validation set close the gap.</source>
        <translation>欠拟合：模型连训练数据都拟合不好，所以训练损失和测试损失都很高，而且相差不大。这里每个权重的初始标准差都是 {std:g}：前向传播时每一层都把信号乘上一个极小的数，反向传播时梯度也一样，于是网络输出的各类概率几乎相等（损失 ln(10) = {ln10:.3f}），几乎什么也学不到。合理的初始化（He、Xavier）或更大的学习率可以解决这个问题。

过拟合：权重数量远多于训练图像的网络会把训练图像死记硬背下来。训练准确率升到 {over_train:.1%}，测试准确率却停在 {over_test:.1%}；训练损失继续下降，测试损失却开始回升。更多的数据、更小的网络、正则化（Dropout、权重衰减、数据增强）或在验证集上早停，都能缩小这个差距。</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>{case}: loss</source>
        <translation>{case}：损失</translation>
    </message>
    <message>
        <source>{case}: accuracy</source>
        <translation>{case}：准确率</translation>
    </message>
    <message>
        <source>under-fitting: {layers}, init std {std}</source>
        <translation>欠拟合：{layers}，初始标准差 {std}</translation>
    </message>
    <message>
        <source>over-fitting: {layers}</source>
        <translation>过拟合：{layers}</translation>
    </message>
    <message>
        <source>Under- and over-fitting, last epoch ({n} test images)</source>
        <translation>欠拟合与过拟合，最后一轮（{n} 张测试图像）</translation>
    </message>
    <message>
        <source>case</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>train - test accuracy</source>
        <translation>训练 - 测试准确率</translation>
    </message>
    <message>
        <source>Under-fitting and over-fitting: training vs test</source>
        <translation>欠拟合与过拟合：训练与测试对比</translation>
    </message>
    <message>
        <source>Under-fitting</source>
        <translation>欠拟合</translation>
    </message>
    <message>
        <source>Over-fitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <source>Under-fitting: SGD lr {under_lr}, {under_epochs} epochs on {under_train} images. Over-fitting: Adam lr {over_lr}, {over_epochs} epochs on {over_train} images. Seed {seed}.</source>
        <translation>欠拟合：SGD，学习率 {under_lr}，在 {under_train} 张图像上训练 {under_epochs} 轮。过拟合：Adam，学习率 {over_lr}，在 {over_train} 张图像上训练 {over_epochs} 轮。随机种子 {seed}。</translation>
    </message>
    <message>
        <source>mlp-vs-cnn</source>
        <translation>MLP 与 CNN 对比</translation>
    </message>
    <message>
        <source>MLP vs CNN presets, same budget: test and canvas-style accuracy, size, time</source>
        <translation>相同训练预算下的 MLP 与 CNN 预设：测试准确率、画板风格准确率、规模与耗时</translation>
    </message>
    <message>
        <source>mnist</source>
        <translation>MNIST 风格</translation>
    </message>
    <message>
        <source>fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Convolutions share their weights across the image and pooling forgives small shifts, so the CNN copes better with digits that are not drawn the MNIST way.</source>
        <translation>卷积在整幅图像上共享权重，池化能容忍小的平移，所以 CNN 更能应付不是按 MNIST 方式书写的数字。</translation>
    </message>
    <message>
        <source>With this budget the CNN&apos;s advantage on digits drawn unlike MNIST&apos;s does not show.</source>
        <translation>在这个训练预算下，CNN 在不同于 MNIST 书写风格的数字上并未显示出优势。</translation>
    </message>
    <message>
        <source>preparing the canvas-style digits</source>
        <translation>正在准备画板风格的数字</translation>
    </message>
    <message>
        <source>Same budget: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}</source>
        <translation>相同预算：{data}，{epochs} 轮，Adam 学习率 {lr}，批大小 {batch}</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <source>canvas: {kind}</source>
        <translation>画板：{kind}</translation>
    </message>
    <message>
        <source>canvas: all</source>
        <translation>画板：全部</translation>
    </message>
    <message>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <source>MLP vs CNN under the same budget</source>
        <translation>相同预算下的 MLP 与 CNN</translation>
    </message>
    <message>
        <source>Presets: mlp = {mlp}; cnn = {cnn}.</source>
        <translation>预设：mlp = {mlp}；cnn = {cnn}。</translation>
    </message>
    <message>
        <source>Both: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}, seed {seed}; canvas-style set: {n} images of each kind</source>
        <translation>两者相同：{data}，{epochs} 轮，Adam 学习率 {lr}，批大小 {batch}，随机种子 {seed}；画板风格数据集：每类 {n} 张图像</translation>
    </message>
    <message>
        <source> (preprocessing rejected {rejected})</source>
        <translation>（预处理拒绝了 {rejected}）</translation>
    </message>
    <message>
        <source>Test accuracy: MLP {mlp_test:.2%}, CNN {cnn_test:.2%}; canvas-style: MLP {mlp_canvas:.2%}, CNN {cnn_canvas:.2%}. The CNN has {weights:.0f} times the weights and took {time:.0f} times as long to train.</source>
        <translation>测试准确率：MLP {mlp_test:.2%}，CNN {cnn_test:.2%}；画板风格：MLP {mlp_canvas:.2%}，CNN {cnn_canvas:.2%}。CNN 的权重数量是 MLP 的 {weights:.0f} 倍，训练耗时是 {time:.0f} 倍。</translation>
    </message>
    <message>
        <source>mnist-012</source>
        <translation>MNIST 0/1/2</translation>
    </message>
    <message>
        <source>Digits 0, 1, 2 only, small CNN: sigmoid vs ReLU in the fully connected layer</source>
        <translation>只用数字 0、1、2 的小型 CNN：全连接层用 Sigmoid 还是 ReLU</translation>
    </message>
    <message>
        <source>Both reach nearly the same accuracy on three well-separated classes</source>
        <translation>在三个区分明显的类别上，两者的准确率几乎相同</translation>
    </message>
    <message>
        <source>{winner} ends clearly ahead</source>
        <translation>{winner} 最终明显领先</translation>
    </message>
    <message>
        <source>; the sigmoid layer&apos;s smaller gradients show as a slower first epoch.</source>
        <translation>；Sigmoid 层的梯度较小，表现为第一轮学得较慢。</translation>
    </message>
    <message>
        <source>Digits 0/1/2, small CNN ({data}, {epochs} epochs)</source>
        <translation>数字 0/1/2，小型 CNN（{data}，{epochs} 轮）</translation>
    </message>
    <message>
        <source>fc activation</source>
        <translation>全连接层激活函数</translation>
    </message>
    <message>
        <source>train accuracy, epoch 1</source>
        <translation>训练准确率（第 1 轮）</translation>
    </message>
    <message>
        <source>Digits 0, 1, 2: sigmoid vs ReLU in the fully connected layer</source>
        <translation>数字 0、1、2：全连接层中的 Sigmoid 与 ReLU</translation>
    </message>
    <message>
        <source>Three classes (digits {classes}), CNN {layers} with ReLU convolutions; plain SGD lr {lr}, batch {batch}, {epochs} epochs, {data}, seed {seed}.</source>
        <translation>三个类别（数字 {classes}），CNN 结构 {layers}，卷积层用 ReLU；普通 SGD，学习率 {lr}，批大小 {batch}，{epochs} 轮，{data}，随机种子 {seed}。</translation>
    </message>
    <message>
        <source>Test accuracy: sigmoid {sig}, ReLU {relu} (after the first epoch&apos;s training: sigmoid {sig_first}, ReLU {relu_first}).</source>
        <translation>测试准确率：Sigmoid {sig}，ReLU {relu}（第一轮训练后：Sigmoid {sig_first}，ReLU {relu_first}）。</translation>
    </message>
    <message>
        <source>ln(10): guessing</source>
        <translation>ln(10)：随机猜测</translation>
    </message>
    <message>
        <source>{train} training, {test} test images</source>
        <translation>{train} 张训练图像，{test} 张测试图像</translation>
    </message>
    <message>
        <source>{train} training, {val} validation, {test} test images</source>
        <translation>{train} 张训练图像，{val} 张验证图像，{test} 张测试图像</translation>
    </message>
    <message>
        <source>epoch {epoch}/{epochs}, loss {loss}</source>
        <translation>第 {epoch}/{epochs} 轮，损失 {loss}</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>SGD, momentum, RMSprop, Adam on 784-100-10 with early stopping (patience 3)</source>
        <translation>784-100-10 网络上的 SGD、动量法、RMSprop、Adam，带早停（耐心值 3）</translation>
    </message>
    <message>
        <source>SGD + momentum 0.9</source>
        <translation>SGD + 动量 0.9</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>early stopped</source>
        <translation>早停</translation>
    </message>
    <message>
        <source>784-100-10, batch {batch}, early stopping with patience {patience} ({data})</source>
        <translation>784-100-10，批大小 {batch}，早停耐心值 {patience}（{data}）</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>best val accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <source>best epoch</source>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <source>epochs used</source>
        <translation>实际轮数</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <source>test accuracy (best epoch)</source>
        <translation>测试准确率（最佳轮次）</translation>
    </message>
    <message>
        <source>Optimizers on 784-100-10</source>
        <translation>784-100-10 上的优化器对比</translation>
    </message>
    <message>
        <source>784-100-10 ReLU network from the same initial weights (seed {seed}), batch {batch}, {data}, at most {epochs} epochs, stopping after {patience} epochs without a lower validation loss.</source>
        <translation>784-100-10 ReLU 网络，从相同的初始权重开始（随机种子 {seed}），批大小 {batch}，{data}，最多 {epochs} 轮，验证损失连续 {patience} 轮不再下降即停止。</translation>
    </message>
    <message>
        <source>Best validation accuracy: {winner} with {accuracy} at epoch {epoch}; fewest epochs to its best: {fastest} (epoch {fastest_epoch}).</source>
        <translation>最佳验证准确率：{winner}，第 {epoch} 轮达到 {accuracy}；最快达到自身最佳的是 {fastest}（第 {fastest_epoch} 轮）。</translation>
    </message>
    <message>
        <source>Momentum and the adaptive methods (RMSprop, Adam) usually need fewer epochs than plain SGD; once the validation loss turns up (over-fitting), early stopping ends the run and keeps the best epoch.</source>
        <translation>动量法和自适应方法（RMSprop、Adam）通常比普通 SGD 需要更少的轮数；一旦验证损失开始回升（过拟合），早停就会结束训练，并保留最佳一轮的权重。</translation>
    </message>
    <message>
        <source>regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <source>784-100-10 plain, + batch norm, + dropout 0.5, + both: validation accuracy, epochs to early stop</source>
        <translation>784-100-10：无正则化、+ 批归一化、+ Dropout 0.5、两者兼用：验证准确率与早停所需轮数</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>dropout 0.5</source>
        <translation>Dropout 0.5</translation>
    </message>
    <message>
        <source>batch norm + dropout 0.5</source>
        <translation>批归一化 + Dropout 0.5</translation>
    </message>
    <message>
        <source>784-100-10, {optimizer} lr {lr}, batch {batch}, patience {patience} ({data})</source>
        <translation>784-100-10，{optimizer} 学习率 {lr}，批大小 {batch}，耐心值 {patience}（{data}）</translation>
    </message>
    <message>
        <source>best val loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>epochs to early stop</source>
        <translation>早停所需轮数</translation>
    </message>
    <message>
        <source>train - val accuracy</source>
        <translation>训练 - 验证准确率</translation>
    </message>
    <message>
        <source>Regularization on 784-100-10</source>
        <translation>784-100-10 上的正则化</translation>
    </message>
    <message>
        <source>784-100-10 ReLU network, the same initial weights for all (seed {seed}), {optimizer} lr {lr}, batch {batch}, {data}, at most {epochs} epochs, early stopping after {patience} epochs without a lower validation loss.</source>
        <translation>784-100-10 ReLU 网络，所有变体使用相同的初始权重（随机种子 {seed}），{optimizer} 学习率 {lr}，批大小 {batch}，{data}，最多 {epochs} 轮，验证损失连续 {patience} 轮不再下降即早停。</translation>
    </message>
    <message>
        <source>Best validation accuracy: {winner} ({accuracy}). Train - validation accuracy at the best epoch: {gaps}; epochs to early stop: {epochs}.</source>
        <translation>最佳验证准确率：{winner}（{accuracy}）。最佳一轮时的训练 - 验证准确率：{gaps}；早停所需轮数：{epochs}。</translation>
    </message>
    <message>
        <source>Dropout trains a different thinned network on every batch, so the network cannot lean on single units: the gap between training and validation accuracy narrows and the validation loss keeps falling for longer. Batch norm re-centres every layer&apos;s inputs, which mostly speeds up training.</source>
        <translation>Dropout 在每个批次上训练一个不同的“变瘦”的网络，使网络无法依赖个别单元：训练与验证准确率之间的差距缩小，验证损失也能持续下降更久。批归一化把每一层的输入重新居中，主要作用是加快训练。</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>training s</source>
        <translation>训练秒数</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>toy-digits</source>
        <translation>玩具数字</translation>
    </message>
    <message>
        <source>Five 5x5 digits, deep 25-20-20-20-5 net: ReLU vs sigmoid + dropout 0.2, per-sample SGD</source>
        <translation>五个 5x5 数字，深层 25-20-20-20-5 网络：ReLU 与 Sigmoid + Dropout 0.2 对比，逐样本 SGD</translation>
    </message>
    <message>
        <source>Sigmoid + dropout 0.2</source>
        <translation>Sigmoid + Dropout 0.2</translation>
    </message>
    <message>
        <source>Toy digits: training error ({epochs} epochs, lr {lr})</source>
        <translation>玩具数字：训练误差（{epochs} 轮，学习率 {lr}）</translation>
    </message>
    <message>
        <source>Cross-entropy per epoch</source>
        <translation>每轮的交叉熵</translation>
    </message>
    <message>
        <source>mean training loss (log scale)</source>
        <translation>平均训练损失（对数刻度）</translation>
    </message>
    <message>
        <source>Toy digits: softmax outputs</source>
        <translation>玩具数字：Softmax 输出</translation>
    </message>
    <message>
        <source>output class (digit)</source>
        <translation>输出类别（数字）</translation>
    </message>
    <message>
        <source>input digit</source>
        <translation>输入数字</translation>
    </message>
    <message>
        <source>Toy digits after {epochs} epochs</source>
        <translation>训练 {epochs} 轮后的玩具数字</translation>
    </message>
    <message>
        <source>min diagonal</source>
        <translation>对角线最小值</translation>
    </message>
    <message>
        <source>mean diagonal</source>
        <translation>对角线平均值</translation>
    </message>
    <message>
        <source>{network}: output for digits 1-5 (rows) over classes 1-5 (columns)</source>
        <translation>{network}：数字 1-5（行）在类别 1-5（列）上的输出</translation>
    </message>
    <message>
        <source>The ReLU network&apos;s smallest diagonal output {value} exceeds {target}.</source>
        <translation>ReLU 网络对角线上的最小输出 {value} 超过了 {target}。</translation>
    </message>
    <message>
        <source>The ReLU network&apos;s smallest diagonal output {value} does NOT exceed {target}.</source>
        <translation>ReLU 网络对角线上的最小输出 {value} 没有超过 {target}。</translation>
    </message>
    <message>
        <source>25-20-20-20-5 network, per-sample SGD, lr {lr}, {epochs} epochs, seed {seed}.</source>
        <translation>25-20-20-20-5 网络，逐样本 SGD，学习率 {lr}，{epochs} 轮，随机种子 {seed}。</translation>
    </message>
    <message>
        <source>vanishing-gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <source>Per-layer gradient norms of 6- and 10-hidden-layer nets, sigmoid vs ReLU</source>
        <translation>6 层和 10 层隐藏层网络中各层的梯度范数：Sigmoid 与 ReLU 对比</translation>
    </message>
    <message>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>{activation}, {depth} hidden layers: iteration {iteration}/{iterations}</source>
        <translation>{activation}，{depth} 个隐藏层：第 {iteration}/{iterations} 次迭代</translation>
    </message>
    <message>
        <source>layer {n} (input)</source>
        <translation>第 {n} 层（输入）</translation>
    </message>
    <message>
        <source>layer {n} (output)</source>
        <translation>第 {n} 层（输出）</translation>
    </message>
    <message>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <source>{activation}, {depth} hidden</source>
        <translation>{activation}，{depth} 个隐藏层</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>||dL/dW|| (log scale)</source>
        <translation>||dL/dW||（对数刻度）</translation>
    </message>
    <message>
        <source>{network}: gradient norm per layer</source>
        <translation>{network}：各层的梯度范数</translation>
    </message>
    <message>
        <source>Mean gradient norm over the first {n} iterations</source>
        <translation>前 {n} 次迭代的平均梯度范数</translation>
    </message>
    <message>
        <source>layer (1 = input side)</source>
        <translation>层（1 = 输入端）</translation>
    </message>
    <message>
        <source>Gradient norm of every layer during training</source>
        <translation>训练过程中每一层的梯度范数</translation>
    </message>
    <message>
        <source>Vanishing gradients: sigmoid vs ReLU</source>
        <translation>梯度消失：Sigmoid 与 ReLU 对比</translation>
    </message>
    <message>
        <source>Gradient norms, mean of the first {early} iterations; loss after {iterations}</source>
        <translation>梯度范数（前 {early} 次迭代的平均值）；{iterations} 次迭代后的损失</translation>
    </message>
    <message>
        <source>first layer</source>
        <translation>第一层</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>first / output</source>
        <translation>第一层 / 输出层</translation>
    </message>
    <message>
        <source>{width}-unit hidden layers, plain SGD lr {lr}, batch {batch}, {iterations} iterations on {n} MNIST training images, seed {seed}.</source>
        <translation>每个隐藏层 {width} 个单元，普通 SGD，学习率 {lr}，批大小 {batch}，在 {n} 张 MNIST 训练图像上迭代 {iterations} 次，随机种子 {seed}。</translation>
    </message>
    <message>
        <source>With {depth} hidden layers the first layer&apos;s gradient is {ratio:.0f} times smaller under sigmoid than under ReLU.</source>
        <translation>有 {depth} 个隐藏层时，Sigmoid 网络第一层的梯度比 ReLU 网络小 {ratio:.0f} 倍。</translation>
    </message>
    <message>
        <source>Sigmoid&apos;s derivative is at most 1/4, so each layer passes back a fraction of the gradient it receives: the layers near the input barely learn and the loss stays near ln(10) for long.</source>
        <translation>Sigmoid 的导数最大只有 1/4，所以每一层只能把收到的梯度的一小部分传回去：靠近输入的层几乎学不到东西，损失也会长时间停留在 ln(10) 附近。</translation>
    </message>
    <message>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>XOR with a 2-2-1 sigmoid MLP, squared error, lr 0.3: how many seeds solve it</source>
        <translation>用 2-2-1 Sigmoid MLP 学 XOR，平方误差，学习率 0.3：有多少个随机种子能学会</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>已学会</translation>
    </message>
    <message>
        <source>slow</source>
        <translation>收敛慢</translation>
    </message>
    <message>
        <source>stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <source>XOR, 2-{hidden}-1 sigmoid, lr {lr}: {n} seeds</source>
        <translation>XOR，2-{hidden}-1 Sigmoid，学习率 {lr}：{n} 个随机种子</translation>
    </message>
    <message>
        <source>Squared error per epoch</source>
        <translation>每轮的平方误差</translation>
    </message>
    <message>
        <source>mean loss (log scale)</source>
        <translation>平均损失（对数刻度）</translation>
    </message>
    <message>
        <source>XOR after {epochs} epochs</source>
        <translation>训练 {epochs} 轮后的 XOR</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>2-{hidden}-1 sigmoid network, squared error, per-sample SGD, lr {lr}, {epochs} epochs.</source>
        <translation>2-{hidden}-1 Sigmoid 网络，平方误差，逐样本 SGD，学习率 {lr}，{epochs} 轮。</translation>
    </message>
    <message>
        <source>{solved} of {n} seeds solve XOR (every output within {tolerance} of its target); still converging: {slow}; stuck on a plateau (a local minimum, outputs stall near 0.5): {stuck}</source>
        <translation>{n} 个随机种子中有 {solved} 个学会了 XOR（每个输出与目标相差都在 {tolerance} 以内）；仍在收敛：{slow} 个；卡在平台区（局部极小值，输出停在 0.5 附近）：{stuck} 个</translation>
    </message>
    <message>
        <source> (seeds {seeds})</source>
        <translation>（随机种子 {seeds}）</translation>
    </message>
    <message>
        <source>Seed {seed}: final loss {loss}, outputs for (0,0), (0,1), (1,0), (1,1): {outputs}.</source>
        <translation>随机种子 {seed}：最终损失 {loss}，(0,0)、(0,1)、(1,0)、(1,1) 的输出：{outputs}。</translation>
    </message>
</context>
<context>
    <name>ExperimentsView</name>
    <message>
        <source>Quick: a few seconds on a few hundred images, to see what the experiment does.
Unticked: the full experiment, a few seconds (toy-digits, xor) to about 15 minutes.</source>
        <translation>快速：用几百张图像跑几秒钟，先看看实验做什么。
不勾选：完整实验，耗时从几秒（玩具数字、XOR）到约 15 分钟不等。</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>What it shows</source>
        <translation>展示内容</translation>
    </message>
    <message>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the folder holding the shown results&apos; PNG, Markdown and CSV files</source>
        <translation>打开存放当前结果的 PNG、Markdown 和 CSV 文件的文件夹</translation>
    </message>
    <message>
        <source>Choose an experiment and press Run.</source>
        <translation>选择一个实验，然后点击“运行”。</translation>
    </message>
    <message>
        <source>Running {name} (quick)...</source>
        <translation>正在运行 {name}（快速）……</translation>
    </message>
    <message>
        <source>Running {name}...</source>
        <translation>正在运行 {name}……</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <source>{name}: {message}</source>
        <translation>{name}：{message}</translation>
    </message>
    <message>
        <source>{name} done; results in {folder}</source>
        <translation>{name} 已完成；结果保存在 {folder}</translation>
    </message>
    <message>
        <source>No file manager to open it with: the results are in {folder}</source>
        <translation>没有可用的文件管理器：结果保存在 {folder}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Cancelled. Below: the last finished run, {name}.</source>
        <translation>已取消。下方显示的是上一次完成的运行：{name}。</translation>
    </message>
    <message>
        <source>Table: {name}</source>
        <translation>表格：{name}</translation>
    </message>
    <message>
        <source>Files: {folder}</source>
        <translation>文件：{folder}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <source>gradient of the class score</source>
        <translation>类别得分的梯度</translation>
    </message>
    <message>
        <source>conv {n}</source>
        <translation>卷积层 {n}</translation>
    </message>
    <message>
        <source>pool {n}</source>
        <translation>池化层 {n}</translation>
    </message>
    <message>
        <source>hidden {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
</context>
<context>
    <name>ExplainPlots</name>
    <message>
        <source>{layer}: {n} maps {h}x{w}</source>
        <translation>{layer}：{n} 个特征图 {h}x{w}</translation>
    </message>
    <message>
        <source>{layer}: {n} units</source>
        <translation>{layer}：{n} 个单元</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>what the network saw (28x28)</source>
        <translation>网络看到的图像（28x28）</translation>
    </message>
    <message>
        <source>evidence for (red) / against (blue)</source>
        <translation>支持（红）/ 反对（蓝）的证据</translation>
    </message>
</context>
<context>
    <name>Finetune</name>
    <message>
        <source>{count} of {digit}</source>
        <translation>{digit} 只有 {count} 个</translation>
    </message>
    <message>
        <source>few samples: {counts}; with fewer than {few} of a digit the network may learn those drawings by heart rather than your handwriting</source>
        <translation>样本太少：{counts}；某个数字少于 {few} 个时，网络可能只是死记住这几幅手写，而不是学会你的书写风格</translation>
    </message>
    <message>
        <source>fine-tuned for {n} epochs in {s} s</source>
        <translation>微调了 {n} 轮，用时 {s} 秒</translation>
    </message>
    <message>
        <source>fine-tuned for 1 epoch in {s} s</source>
        <translation>微调了 1 轮，用时 {s} 秒</translation>
    </message>
    <message>
        <source>your held-out digits {before:.1%} → {after:.1%}</source>
        <translation>你留出的数字 {before:.1%} → {after:.1%}</translation>
    </message>
    <message>
        <source>no digits held out to check on</source>
        <translation>没有留出数字用于检验</translation>
    </message>
    <message>
        <source>{mine}, MNIST test {before:.2%} → {after:.2%}</source>
        <translation>{mine}，MNIST 测试集 {before:.2%} → {after:.2%}</translation>
    </message>
</context>
<context>
    <name>FinetuneLauncher</name>
    <message>
        <source>A run is already going in the Train tab</source>
        <translation>训练页中已有一次训练在进行</translation>
    </message>
    <message>
        <source>No network to fine-tune</source>
        <translation>没有可微调的网络</translation>
    </message>
    <message>
        <source>Keep some digits first (press a digit key on the Draw tab, or Practise)</source>
        <translation>请先保存一些数字（在绘图页按数字键，或使用“练习”）</translation>
    </message>
    <message>
        <source>Fine-tuning on {n} of your digits ({held} held out)…</source>
        <translation>正在用你的 {n} 个数字微调（留出 {held} 个）……</translation>
    </message>
    <message>
        <source>{network} + my digits</source>
        <translation>{network} + 我的数字</translation>
    </message>
    <message>
        <source>&lt;b&gt;{network}&lt;/b&gt;: {scores}.{note} Use it, save it, or discard it.</source>
        <translation>&lt;b&gt;{network}&lt;/b&gt;：{scores}。{note}可以使用、保存或丢弃它。</translation>
    </message>
    <message>
        <source> Note: {warning}.</source>
        <translation>注意：{warning}。</translation>
    </message>
    <message>
        <source>Using the fine-tuned network; My digits ▸ Revert brings back the one from before</source>
        <translation>正在使用微调后的网络；“我的数字 ▸ 恢复”可换回之前的网络</translation>
    </message>
    <message>
        <source>Nothing to revert: the network in use is the one from before the last fine-tune, or there was none</source>
        <translation>无需恢复：当前使用的就是上次微调之前的网络，或者还没有微调过</translation>
    </message>
    <message>
        <source>Back to the network from before the fine-tune</source>
        <translation>已换回微调之前的网络</translation>
    </message>
</context>
<context>
    <name>InsideView</name>
    <message>
        <source>Hover a map, filter, template or bar for its layer, index and value.</source>
        <translation>把鼠标悬停在特征图、卷积核、模板或柱条上，可查看它所在的层、序号和数值。</translation>
    </message>
    <message>
        <source>Every network&apos;s reading of this drawing</source>
        <translation>各个网络对这幅手写数字的识别</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>各层</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>识别错误</translation>
    </message>
    <message>
        <source>&lt;b&gt;{network}&lt;/b&gt; reads &lt;b&gt;{digit}&lt;/b&gt; ({percent}%)</source>
        <translation>&lt;b&gt;{network}&lt;/b&gt; 识别为 &lt;b&gt;{digit}&lt;/b&gt;（{percent}%）</translation>
    </message>
    <message>
        <source>No network loaded.</source>
        <translation>未加载网络。</translation>
    </message>
    <message>
        <source>Draw a digit on the canvas above.</source>
        <translation>请在上方画板上写一个数字。</translation>
    </message>
</context>
<context>
    <name>Keeper</name>
    <message>
        <source>Keep as {d}</source>
        <translation>保存为 {d}</translation>
    </message>
    <message>
        <source>Click a digit&apos;s row (or press its key) to keep the drawing as that digit</source>
        <translation>点击某个数字所在的行（或按对应数字键），把这幅手写保存为该数字</translation>
    </message>
    <message>
        <source>Draw a digit first, then press its key to keep it</source>
        <translation>请先写一个数字，再按对应的数字键保存</translation>
    </message>
    <message>
        <source>Could not keep the drawing: {error}</source>
        <translation>无法保存这幅手写：{error}</translation>
    </message>
    <message>
        <source>Kept as {digit} in My digits ({count}); Ctrl+Z takes it back</source>
        <translation>已作为 {digit} 保存到“我的数字”（{count}）；按 Ctrl+Z 撤回</translation>
    </message>
    <message>
        <source>Could not take back the sample: {error}</source>
        <translation>无法撤回该样本：{error}</translation>
    </message>
    <message>
        <source>Took back the {digit} just kept</source>
        <translation>已撤回刚保存的 {digit}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>DigitLab shows the new language when it starts again. Restart now?</source>
        <translation>DigitLab 重新启动后才会显示新的语言。现在重启吗？</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Draw a digit to see what each layer makes of it.</source>
        <translation>写一个数字，看看每一层是如何处理它的。</translation>
    </message>
    <message>
        <source>conv 1: its {n} filters (weights)</source>
        <translation>卷积层 1：它的 {n} 个卷积核（权重）</translation>
    </message>
    <message>
        <source>filter {k}</source>
        <translation>卷积核 {k}</translation>
    </message>
    <message>
        <source>{layer}: {c} maps {h}x{w}, after the activation</source>
        <translation>{layer}：{c} 个特征图 {h}x{w}，激活之后</translation>
    </message>
    <message>
        <source>{layer}: {n} units</source>
        <translation>{layer}：{n} 个单元</translation>
    </message>
    <message>
        <source>hidden 1: weights of its {n} most active units</source>
        <translation>隐藏层 1：激活最强的 {n} 个单元的权重</translation>
    </message>
    <message>
        <source>unit {u} (activation {a}), weight</source>
        <translation>单元 {u}（激活值 {a}），权重</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Skipped {0}</source>
        <translation>已跳过 {0}</translation>
    </message>
    <message>
        <source>Left button draws · right button erases · Esc clears · drop an image file to classify it</source>
        <translation>左键绘制 · 右键擦除 · Esc 清空 · 拖入图片文件即可识别</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>绘图</translation>
    </message>
    <message>
        <source>inference {0:.1f} ms</source>
        <translation>推理 {0:.1f} 毫秒</translation>
    </message>
    <message>
        <source>no network</source>
        <translation>无网络</translation>
    </message>
    <message>
        <source>test accuracy {0:.2f}%</source>
        <translation>测试准确率 {0:.2f}%</translation>
    </message>
    <message>
        <source>Cannot open weights</source>
        <translation>无法打开权重</translation>
    </message>
    <message>
        <source>Opened {0} from {1}</source>
        <translation>已打开 {0}（{1}）</translation>
    </message>
    <message>
        <source>Nothing to save</source>
        <translation>没有可保存的内容</translation>
    </message>
    <message>
        <source>No network is loaded.</source>
        <translation>尚未加载网络。</translation>
    </message>
    <message>
        <source>Cannot save weights</source>
        <translation>无法保存权重</translation>
    </message>
    <message>
        <source>Saved {0} to {1}</source>
        <translation>已将 {0} 保存到 {1}</translation>
    </message>
    <message>
        <source>Cannot export the drawing</source>
        <translation>无法导出绘图</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>No network loaded — train one or open a weight file.</source>
        <translation>尚未加载网络——请训练一个网络或打开权重文件。</translation>
    </message>
    <message>
        <source>Open weights</source>
        <translation>打开权重</translation>
    </message>
    <message>
        <source>Save weights as</source>
        <translation>权重另存为</translation>
    </message>
    <message>
        <source>Export drawing</source>
        <translation>导出绘图</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Inside</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <source>DigitLab weights (*.npz);;All files (*)</source>
        <translation>DigitLab 权重 (*.npz);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MistakesGallery</name>
    <message>
        <source>Could not read MNIST test: {error}</source>
        <translation>无法读取 MNIST 测试集：{error}</translation>
    </message>
    <message>
        <source>No network loaded.</source>
        <translation>未加载网络。</translation>
    </message>
    <message>
        <source>Reading the 10,000 MNIST test digits with {network} to find its mistakes…</source>
        <translation>正在用 {network} 识别 10,000 张 MNIST 测试图像，查找它的错误……</translation>
    </message>
    <message>
        <source>{network} misreads {n} of {tested} MNIST test digits, most confident first. Click one to put it on the canvas and look inside.</source>
        <translation>{network} 在 {tested} 张 MNIST 测试图像中识别错了 {n} 张，按置信度从高到低排列。点击一张即可放到画板上，查看网络内部。</translation>
    </message>
    <message>
        <source>{network} misreads {n} of {tested} MNIST test digits; the {shown} most confident shown, most confident first. Click one to put it on the canvas and look inside.</source>
        <translation>{network} 在 {tested} 张 MNIST 测试图像中识别错了 {n} 张；这里按置信度从高到低显示前 {shown} 张。点击一张即可放到画板上，查看网络内部。</translation>
    </message>
    <message>
        <source>MNIST test #{index}: a {label} read as {read} with {percent}% confidence</source>
        <translation>MNIST 测试图像 #{index}：{label} 被识别为 {read}，置信度 {percent}%</translation>
    </message>
</context>
<context>
    <name>MyDigits</name>
    <message>
        <source>Misread? Press the right digit key, or click its row, to keep the drawing in My digits</source>
        <translation>识别错了？按下正确的数字键或点击它所在的行，把这幅手写保存到“我的数字”</translation>
    </message>
    <message>
        <source>My digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <source>&amp;My digits</source>
        <translation>我的数字(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Practise</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Show My digits</source>
        <translation>显示“我的数字”(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Fine-tune on my digits</source>
        <translation>用我的数字微调(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Revert to the network from before</source>
        <translation>恢复到之前的网络(&amp;R)</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>0</translation>
    </message>
    <message>
        <source>one</source>
        <translation>1</translation>
    </message>
    <message>
        <source>two</source>
        <translation>2</translation>
    </message>
    <message>
        <source>three</source>
        <translation>3</translation>
    </message>
    <message>
        <source>four</source>
        <translation>4</translation>
    </message>
    <message>
        <source>five</source>
        <translation>5</translation>
    </message>
    <message>
        <source>six</source>
        <translation>6</translation>
    </message>
    <message>
        <source>seven</source>
        <translation>7</translation>
    </message>
    <message>
        <source>eight</source>
        <translation>8</translation>
    </message>
    <message>
        <source>nine</source>
        <translation>9</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>0</translation>
    </message>
    <message>
        <source>ones</source>
        <translation>1</translation>
    </message>
    <message>
        <source>twos</source>
        <translation>2</translation>
    </message>
    <message>
        <source>threes</source>
        <translation>3</translation>
    </message>
    <message>
        <source>fours</source>
        <translation>4</translation>
    </message>
    <message>
        <source>fives</source>
        <translation>5</translation>
    </message>
    <message>
        <source>sixes</source>
        <translation>6</translation>
    </message>
    <message>
        <source>sevens</source>
        <translation>7</translation>
    </message>
    <message>
        <source>eights</source>
        <translation>8</translation>
    </message>
    <message>
        <source>nines</source>
        <translation>9</translation>
    </message>
    <message>
        <source>{count} {digit}</source>
        <translation>{count} 个 {digit}</translation>
    </message>
</context>
<context>
    <name>MyDigitsView</name>
    <message>
        <source>Practise…</source>
        <translation>练习…</translation>
    </message>
    <message>
        <source>DigitLab asks for digits; Enter keeps each</source>
        <translation>DigitLab 依次请你写数字；按回车保存每一个</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected samples</source>
        <translation>删除选中的样本</translation>
    </message>
    <message>
        <source>Give the selected samples another digit</source>
        <translation>为选中的样本改标为另一个数字</translation>
    </message>
    <message>
        <source>Relabel as…</source>
        <translation>改标为…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>kept as {label}; the network reads {read}</source>
        <translation>保存为 {label}；网络识别为 {read}</translation>
    </message>
    <message>
        <source>; {network} misreads {wrong}</source>
        <translation>；{network} 识别错了 {wrong} 个</translation>
    </message>
    <message>
        <source>{n} samples in {folder}{misread}</source>
        <translation>{folder} 中共有 {n} 个样本{misread}</translation>
    </message>
    <message>
        <source>Select samples first</source>
        <translation>请先选择样本</translation>
    </message>
    <message>
        <source>Deleted 1 sample</source>
        <translation>已删除 1 个样本</translation>
    </message>
    <message>
        <source>Deleted {n} samples</source>
        <translation>已删除 {n} 个样本</translation>
    </message>
    <message>
        <source>Relabelled {n} as {digit}</source>
        <translation>已将 {n} 个样本改标为 {digit}</translation>
    </message>
    <message>
        <source>Nothing imported: {error}</source>
        <translation>未导入任何样本：{error}</translation>
    </message>
    <message>
        <source>Imported {n} samples from {source}</source>
        <translation>已从 {source} 导入 {n} 个样本</translation>
    </message>
    <message>
        <source>Nothing exported: {error}</source>
        <translation>未导出任何样本：{error}</translation>
    </message>
    <message>
        <source>Exported {n} samples to {dest}</source>
        <translation>已导出 {n} 个样本到 {dest}</translation>
    </message>
    <message>
        <source>Import digits (a zip, or labels.csv in a folder)</source>
        <translation>导入数字（zip 文件，或文件夹中的 labels.csv）</translation>
    </message>
    <message>
        <source>Zip or labels.csv (*.zip labels.csv)</source>
        <translation>Zip 或 labels.csv (*.zip labels.csv)</translation>
    </message>
    <message>
        <source>Export digits (a .zip, or a new folder name)</source>
        <translation>导出数字（.zip 文件，或新文件夹名）</translation>
    </message>
    <message>
        <source>no digit</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>read {digit}</source>
        <translation>识别为 {digit}</translation>
    </message>
</context>
<context>
    <name>NetworkList</name>
    <message>
        <source>Small CNN (default)</source>
        <translation>小型 CNN（默认）</translation>
    </message>
    <message>
        <source>Lab CNN (2 conv + fc 1024)</source>
        <translation>实验课 CNN（2 卷积 + 全连接 1024）</translation>
    </message>
    <message>
        <source>MLP 784-256-256-10</source>
        <translation>MLP 784-256-256-10</translation>
    </message>
    <message>
        <source>{0} · test {1:.1f}%</source>
        <translation>{0} · 测试 {1:.1f}%</translation>
    </message>
    <message>
        <source>trained network</source>
        <translation>训练的网络</translation>
    </message>
</context>
<context>
    <name>NetworksTable</name>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>识别为</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Top 3</source>
        <translation>前 3 名</translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <source>Keep</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Store the drawing as the digit asked for (Enter)</source>
        <translation>把这幅手写保存为要求的数字（回车）</translation>
    </message>
    <message>
        <source>Stop practising</source>
        <translation>停止练习</translation>
    </message>
    <message>
        <source>Keep (practice)</source>
        <translation>保存（练习）</translation>
    </message>
    <message>
        <source>Draw a {digit}</source>
        <translation>请写一个 {digit}</translation>
    </message>
    <message>
        <source>kept so far</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>Draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <source>Not a digit</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>No network loaded — train one or open a weight file</source>
        <translation>尚未加载网络——请训练一个网络或打开权重文件</translation>
    </message>
    <message>
        <source>Predicted digit</source>
        <translation>预测的数字</translation>
    </message>
    <message>
        <source>Probability of each digit</source>
        <translation>每个数字的概率</translation>
    </message>
    <message>
        <source>What the network sees, 28 by 28 pixels</source>
        <translation>网络看到的图像，28×28 像素</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>What the network sees (28 × 28)</source>
        <translation>网络看到的图像（28 × 28）</translation>
    </message>
    <message>
        <source>at most {0:.1f}% for any digit</source>
        <translation>任何数字的概率都不超过 {0:.1f}%</translation>
    </message>
    <message>
        <source>{0:.1f}% confident</source>
        <translation>置信度 {0:.1f}%</translation>
    </message>
</context>
<context>
    <name>ProbabilityColumns</name>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>in training</source>
        <translation>训练中</translation>
    </message>
</context>
<context>
    <name>ReliabilityPlot</name>
    <message>
        <source>perfectly calibrated</source>
        <translation>完美校准</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>gap to confidence</source>
        <translation>与置信度的差距</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>MNIST test</source>
        <translation>MNIST 测试集</translation>
    </message>
    <message>
        <source>{0}: ECE {1}</source>
        <translation>{0}：ECE {1}</translation>
    </message>
</context>
<context>
    <name>SaliencyView</name>
    <message>
        <source>d(score of {d}) / d(pixel) × pixel: what the ink that is there did. Red raised the score of {d}, blue lowered it.</source>
        <translation>d({d} 的得分) / d(像素) × 像素：已有笔迹起了什么作用。红色提高了 {d} 的得分，蓝色降低了它。</translation>
    </message>
    <message>
        <source>d(score of {d}) / d(pixel): where more ink would raise (red) or lower (blue) the score of {d}, on the paper too.</source>
        <translation>d({d} 的得分) / d(像素)：在哪里多加笔迹会提高（红）或降低（蓝）{d} 的得分，空白处也一样。</translation>
    </message>
    <message>
        <source>Which pixels decided</source>
        <translation>哪些像素起了决定作用</translation>
    </message>
    <message>
        <source>the digit read</source>
        <translation>识别出的数字</translation>
    </message>
    <message>
        <source>{d}  (why {d}? why not {d}?)</source>
        <translation>{d}（为什么是 {d}？为什么不是 {d}？）</translation>
    </message>
    <message>
        <source>Evidence for</source>
        <translation>解释的类别</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Draw a digit to see which pixels count for or against each class.</source>
        <translation>写一个数字，看看哪些像素支持或反对每个类别。</translation>
    </message>
    <message>
        <source>Shown: &lt;b&gt;{method}&lt;/b&gt; for {d}.</source>
        <translation>显示：{d} 的&lt;b&gt;{method}&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>ScaledImage</name>
    <message>
        <source>Cannot read {file}</source>
        <translation>无法读取 {file}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>the file</source>
        <translation>文件本身</translation>
    </message>
    <message>
        <source>DigitLab&apos;s settings ({0}) were damaged ({1}); the defaults are used instead</source>
        <translation>DigitLab 的设置（{0}）已损坏（{1}），已改用默认设置</translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <source>map {k}</source>
        <translation>特征图 {k}</translation>
    </message>
    <message>
        <source>{title} · {name} · (row {r}, col {c}) = {value}</source>
        <translation>{title} · {name} ·（第 {r} 行，第 {c} 列）= {value}</translation>
    </message>
</context>
<context>
    <name>TrainingCurves</name>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次（epoch）</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>train (batch)</source>
        <translation>训练（每批）</translation>
    </message>
    <message>
        <source>train (smoothed)</source>
        <translation>训练（平滑）</translation>
    </message>
    <message>
        <source>train (epoch mean)</source>
        <translation>训练（每轮平均）</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率（%）</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>Multilayer perceptron 784-256-256-10 (the lab&apos;s MLP)</source>
        <translation>多层感知机 784-256-256-10（实验课的 MLP）</translation>
    </message>
    <message>
        <source>Two 5x5 conv + pool blocks (32, 64), fc 1024, dropout (the lab&apos;s CNN)</source>
        <translation>两个 5x5 卷积 + 池化块（32、64），全连接 1024，dropout（实验课的 CNN）</translation>
    </message>
    <message>
        <source>Small fast CNN: two 3x3 conv + batch norm + pool blocks (16, 32), fc 128</source>
        <translation>小而快的 CNN：两个 3x3 卷积 + 批归一化 + 池化块（16、32），全连接 128</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The layers of the network in use, new random weights</source>
        <translation>沿用当前网络的各层，重新随机初始化权重</translation>
    </message>
    <message>
        <source>current network&apos;s architecture</source>
        <translation>当前网络的结构</translation>
    </message>
    <message>
        <source>batch normalization</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>shift, rotate and scale the images</source>
        <translation>对图像做平移、旋转和缩放</translation>
    </message>
    <message>
        <source>all {0:,}</source>
        <translation>全部 {0:,}</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数（epoch）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>LR schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>数据增强</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>{0} must be a whole number, not {1}.</source>
        <translation>{0}必须是整数，而不是 {1}。</translation>
    </message>
    <message>
        <source>{0} must be a number, not {1}.</source>
        <translation>{0}必须是数字，而不是 {1}。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Train from scratch</source>
        <translation>从头训练</translation>
    </message>
    <message>
        <source>Continue training current</source>
        <translation>继续训练当前网络</translation>
    </message>
    <message>
        <source>Fine-tune a copy of the network in use; the original stays as it is</source>
        <translation>微调当前网络的副本，原网络保持不变</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Choose a network and press Train.</source>
        <translation>选择网络，然后点击训练。</translation>
    </message>
    <message>
        <source>Export curves (PNG)…</source>
        <translation>导出曲线（PNG）…</translation>
    </message>
    <message>
        <source>Export history (CSV)…</source>
        <translation>导出训练记录（CSV）…</translation>
    </message>
    <message>
        <source>Use this network</source>
        <translation>使用这个网络</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>There is no current network yet: train one from scratch first.</source>
        <translation>还没有当前网络：请先从头训练一个。</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST…</translation>
    </message>
    <message>
        <source>Paused. {0}</source>
        <translation>已暂停。{0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>本批结束后停止…</translation>
    </message>
    <message>
        <source>Training stopped.</source>
        <translation>训练已停止。</translation>
    </message>
    <message>
        <source>%p%  ·  ETA {0}</source>
        <translation>%p%  ·  剩余 {0}</translation>
    </message>
    <message>
        <source>No new network; the one in use is unchanged.</source>
        <translation>没有得到新网络；正在使用的网络保持不变。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is ready: use it to read your digits, or save it.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 已训练好：可以用它识别你写的数字，或者保存下来。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; is now the network in use.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 现在是正在使用的网络。</translation>
    </message>
    <message>
        <source>Save weights</source>
        <translation>保存权重</translation>
    </message>
    <message>
        <source>DigitLab weights (*.npz)</source>
        <translation>DigitLab 权重 (*.npz)</translation>
    </message>
    <message>
        <source>Could not save {0}: {1}</source>
        <translation>无法保存 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>Export curves</source>
        <translation>导出曲线</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>TrainingResult</name>
    <message>
        <source>Training diverged at epoch {0}, batch {1}: try a smaller learning rate.</source>
        <translation>训练在第 {0} 轮第 {1} 批发散：请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>Finished 1 epoch</source>
        <translation>完成 1 轮训练</translation>
    </message>
    <message>
        <source>Finished {0} epochs</source>
        <translation>完成 {0} 轮训练</translation>
    </message>
    <message>
        <source>Stopped early after epoch {0}: validation loss had stopped improving</source>
        <translation>第 {0} 轮后提前停止：验证损失不再下降</translation>
    </message>
    <message>
        <source>Stopped as asked at epoch {0}, batch {1}</source>
        <translation>已按要求在第 {0} 轮第 {1} 批停止</translation>
    </message>
    <message>
        <source>Training ended.</source>
        <translation>训练结束。</translation>
    </message>
    <message>
        <source> in {0:.0f} s</source>
        <translation>，用时 {0:.0f} 秒</translation>
    </message>
    <message>
        <source>; validation accuracy {0:.2%}</source>
        <translation>；验证准确率 {0:.2%}</translation>
    </message>
    <message>
        <source>; training accuracy {0:.2%}</source>
        <translation>；训练准确率 {0:.2%}</translation>
    </message>
    <message>
        <source> (restored the best epoch, {0})</source>
        <translation>（已恢复最佳轮次：第 {0} 轮）</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>current network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>{0} + 1 epoch</source>
        <translation>{0} + 1 轮</translation>
    </message>
    <message>
        <source>{0} + {1:.3g} epochs</source>
        <translation>{0} + {1:.3g} 轮</translation>
    </message>
    <message>
        <source>{0} (val {1:.1%})</source>
        <translation>{0}（验证 {1:.1%}）</translation>
    </message>
    <message>
        <source>{0} (train {1:.1%})</source>
        <translation>{0}（训练 {1:.1%}）</translation>
    </message>
    <message>
        <source>Epoch {0}/{1}, batch {2}/{3}</source>
        <translation>第 {0}/{1} 轮，第 {2}/{3} 批</translation>
    </message>
    <message>
        <source>loss {0:.3f}</source>
        <translation>损失 {0:.3f}</translation>
    </message>
    <message>
        <source>validation {0:.1%}</source>
        <translation>验证准确率 {0:.1%}</translation>
    </message>
    <message>
        <source>{0:,.0f} images/s</source>
        <translation>{0:,.0f} 张图像/秒</translation>
    </message>
</context>
<context>
    <name>TrainingWorker</name>
    <message>
        <source>Training failed: {0}: {1}</source>
        <translation>训练失败：{0}：{1}</translation>
    </message>
    <message>
        <source>Training ended without a final report.</source>
        <translation>训练结束，但没有最终报告。</translation>
    </message>
    <message>
        <source>Training failed: its process ended unexpectedly (exit code {0}).</source>
        <translation>训练失败：训练进程意外结束（退出码 {0}）。</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <source>in training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide until the next run; the Train tab has everything</source>
        <translation>隐藏到下次训练；训练页中有全部内容</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Probability of each digit under the network in use and in training</source>
        <translation>使用中和训练中的网络给出的各数字概率</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Your drawing</source>
        <translation>你的手写</translation>
    </message>
    <message>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST……</translation>
    </message>
    <message>
        <source>Paused · </source>
        <translation>已暂停 · </translation>
    </message>
    <message>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <source>last snapshot</source>
        <translation>最后快照</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Draw a digit to watch it being learned</source>
        <translation>写一个数字，观察网络如何学会它</translation>
    </message>
    <message>
        <source>Your {digit}, step by step</source>
        <translation>你的 {digit}，逐步变化</translation>
    </message>
    <message>
        <source>Epoch {epoch}/{epochs}  ·  {percent}%</source>
        <translation>第 {epoch}/{epochs} 轮  ·  {percent}%</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Open weights…</source>
        <translation>打开权重(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save weights as…</source>
        <translation>权重另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export drawing…</source>
        <translation>导出绘图(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the canvas as a PNG</source>
        <translation>把画板保存为 PNG 图片</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清空(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Pen</source>
        <translation>画笔(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>E&amp;valuate on MNIST test and drawings…</source>
        <translation>在 MNIST 测试集和手绘图上评估(&amp;V)…</translation>
    </message>
    <message>
        <source>Accuracy and confusion matrix</source>
        <translation>准确率和混淆矩阵</translation>
    </message>
    <message>
        <source>&amp;About DigitLab</source>
        <translation>关于 DigitLab(&amp;A)</translation>
    </message>
    <message>
        <source>About DigitLab</source>
        <translation>关于 DigitLab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DigitLab&lt;/h3&gt;&lt;p&gt;Draw a digit and a neural network written from scratch in NumPy tells what it is. Train, save, load and look inside the network.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;DigitLab&lt;/h3&gt;&lt;p&gt;写一个数字，一个用 NumPy 从零实现的神经网络会告诉你它是几。你可以训练、保存、加载网络，还能看看网络内部。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>网络(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <source>Brush width as a share of the canvas side, in {0:.0f}ths: the same stroke whatever the window&apos;s size (22 draws strokes as thick as MNIST&apos;s)</source>
        <translation>笔刷宽度，以画板边长的 1/{0:.0f} 为单位：无论窗口多大，笔画都一样粗（22 画出的笔画和 MNIST 一样粗）</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The network that reads your drawing</source>
        <translation>识别你所写数字的网络</translation>
    </message>
    <message>
        <source>Evaluate…</source>
        <translation>评估…</translation>
    </message>
    <message>
        <source>no network loaded</source>
        <translation>未加载网络</translation>
    </message>
    <message>
        <source>trained in this session, not saved yet</source>
        <translation>本次运行中训练，尚未保存</translation>
    </message>
</context>
</TS>
