<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BarStrip</name>
    <message>
        <location filename="../../inside/bar_strip.py" line="49"/>
        <source>{title} · largest {peak}</source>
        <translation>{title} · 最大 {peak}</translation>
    </message>
    <message>
        <location filename="../../inside/bar_strip.py" line="74"/>
        <source>{title} · unit {unit} = {value}</source>
        <translation>{title} · 单元 {unit} = {value}</translation>
    </message>
</context>
<context>
    <name>CompactCurve</name>
    <message>
        <location filename="../../watch/compact_curve.py" line="37"/>
        <source>Training loss and validation accuracy; click for the full curves (Train tab)</source>
        <translation>训练损失与验证准确率；点击查看完整曲线（训练页）</translation>
    </message>
    <message>
        <location filename="../../watch/compact_curve.py" line="75"/>
        <source>loss {value}</source>
        <translation>损失 {value}</translation>
    </message>
    <message>
        <location filename="../../watch/compact_curve.py" line="76"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../watch/compact_curve.py" line="80"/>
        <source>validation {value}%</source>
        <translation>验证 {value}%</translation>
    </message>
    <message>
        <location filename="../../watch/compact_curve.py" line="81"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
</context>
<context>
    <name>ExperimentWorker</name>
    <message>
        <location filename="../../experiments_worker.py" line="50"/>
        <source>{name}: cannot write the results to {folder}: {error}</source>
        <translation>{name}：无法把结果写入 {folder}：{error}</translation>
    </message>
    <message>
        <location filename="../../experiments_worker.py" line="54"/>
        <source>{name} failed: {error}</source>
        <translation>{name} 失败：{error}</translation>
    </message>
</context>
<context>
    <name>Experiments</name>
    <message>
        <location filename="../../experiments_view.py" line="43"/>
        <source>curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="43"/>
        <source>curves mlp</source>
        <translation>曲线 MLP</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="44"/>
        <source>curves small-cnn</source>
        <translation>曲线 small-cnn</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="44"/>
        <source>error curves</source>
        <translation>误差曲线</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="45"/>
        <source>outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="45"/>
        <source>gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="46"/>
        <source>gradient profile</source>
        <translation>梯度分布</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="46"/>
        <source>loss curves</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="47"/>
        <source>mlp vs cnn</source>
        <translation>MLP 与 CNN</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="47"/>
        <source>mnist 012</source>
        <translation>MNIST 0/1/2</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="48"/>
        <source>results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="48"/>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="49"/>
        <source>seeds</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/__init__.py" line="56"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="32"/>
        <source>activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="33"/>
        <source>Sigmoid, tanh, ReLU, leaky ReLU in the MLP and the small CNN: train/test curves</source>
        <translation>MLP 和小型 CNN 中的 Sigmoid、tanh、ReLU、Leaky ReLU：训练/测试曲线</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="36"/>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="28"/>
        <source>sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="37"/>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="40"/>
        <source>small CNN</source>
        <translation>小型 CNN</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="63"/>
        <source>Activations in the {network} ({data}, {epochs} epochs)</source>
        <translation>{network} 中的激活函数（{data}，{epochs} 轮）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="67"/>
        <source>Activations after the last epoch</source>
        <translation>最后一轮后的各激活函数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="68"/>
        <location filename="../../../model/experiments/regularization.py" line="77"/>
        <location filename="../../../model/experiments/toy_digits.py" line="132"/>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="120"/>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="68"/>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="72"/>
        <source>SGD with momentum {momentum}, lr {lr}, batch {batch}, seed {seed}; </source>
        <translation>带动量 {momentum} 的 SGD，学习率 {lr}，批大小 {batch}，随机种子 {seed}；</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="74"/>
        <source>{network}: {n} training images, {epochs} epochs</source>
        <translation>{network}：{n} 张训练图像，{epochs} 轮</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="77"/>
        <source>Best test accuracy: </source>
        <translation>测试准确率最高：</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/activations.py" line="79"/>
        <source>Sigmoid saturates and passes back at most a quarter of the gradient per layer, so it starts slowest; tanh is zero-centred and faster; ReLU and leaky ReLU keep the gradient alive.</source>
        <translation>Sigmoid 会饱和，每层最多只把四分之一的梯度传回去，所以起步最慢；tanh 以零为中心，更快一些；ReLU 和 Leaky ReLU 能让梯度保持畅通。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="37"/>
        <source>fitting</source>
        <translation>欠拟合与过拟合</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="38"/>
        <source>Under-fitting (weights far too small) and over-fitting (big net, 1,000 images): the gap</source>
        <translation>欠拟合（权重太小）与过拟合（大网络、1,000 张图像）：训练与测试的差距</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="52"/>
        <source>Under-fitting: the model does not fit even its training data, so training and test loss stay high and close together. Here every weight starts at a standard deviation of {std:g}: each layer multiplies the signal by a tiny number on the way forward and the gradient on the way back, so the network outputs near-equal probabilities (loss ln(10) = {ln10:.3f}) and learns almost nothing. A sensible initialisation (He, Xavier) or a larger learning rate fixes it.

Over-fitting: a network with far more weights than there are training images memorises them. Training accuracy climbs to {over_train:.1%} while test accuracy stays at {over_test:.1%}, and the test loss turns up while the training loss keeps falling. More data, a smaller network, regularization (dropout, weight decay, augmentation) or early stopping on a validation set close the gap.</source>
        <translation>欠拟合：模型连训练数据都拟合不好，所以训练损失和测试损失都很高，而且相差不大。这里每个权重的初始标准差都是 {std:g}：前向传播时每一层都把信号乘上一个极小的数，反向传播时梯度也一样，于是网络输出的各类概率几乎相等（损失 ln(10) = {ln10:.3f}），几乎什么也学不到。合理的初始化（He、Xavier）或更大的学习率可以解决这个问题。

过拟合：权重数量远多于训练图像的网络会把训练图像死记硬背下来。训练准确率升到 {over_train:.1%}，测试准确率却停在 {over_test:.1%}；训练损失继续下降，测试损失却开始回升。更多的数据、更小的网络、正则化（Dropout、权重衰减、数据增强）或在验证集上早停，都能缩小这个差距。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="75"/>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="75"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="76"/>
        <source>{case}: loss</source>
        <translation>{case}：损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="79"/>
        <source>{case}: accuracy</source>
        <translation>{case}：准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="103"/>
        <source>under-fitting: {layers}, init std {std}</source>
        <translation>欠拟合：{layers}，初始标准差 {std}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="105"/>
        <source>over-fitting: {layers}</source>
        <translation>过拟合：{layers}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="108"/>
        <source>Under- and over-fitting, last epoch ({n} test images)</source>
        <translation>欠拟合与过拟合，最后一轮（{n} 张测试图像）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="48"/>
        <source>case</source>
        <translation>情形</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="48"/>
        <source>training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="49"/>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="50"/>
        <source>train - test accuracy</source>
        <translation>训练 - 测试准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="111"/>
        <source>Under-fitting and over-fitting: training vs test</source>
        <translation>欠拟合与过拟合：训练与测试对比</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="112"/>
        <source>Under-fitting</source>
        <translation>欠拟合</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="113"/>
        <source>Over-fitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/fitting.py" line="116"/>
        <source>Under-fitting: SGD lr {under_lr}, {under_epochs} epochs on {under_train} images. Over-fitting: Adam lr {over_lr}, {over_epochs} epochs on {over_train} images. Seed {seed}.</source>
        <translation>欠拟合：SGD，学习率 {under_lr}，在 {under_train} 张图像上训练 {under_epochs} 轮。过拟合：Adam，学习率 {over_lr}，在 {over_train} 张图像上训练 {over_epochs} 轮。随机种子 {seed}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="33"/>
        <source>mlp-vs-cnn</source>
        <translation>MLP 与 CNN 对比</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="34"/>
        <source>MLP vs CNN presets, same budget: test and canvas-style accuracy, size, time</source>
        <translation>相同训练预算下的 MLP 与 CNN 预设：测试准确率、画板风格准确率、规模与耗时</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="42"/>
        <source>mnist</source>
        <translation>MNIST 风格</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="42"/>
        <source>fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="43"/>
        <source>Convolutions share their weights across the image and pooling forgives small shifts, so the CNN copes better with digits that are not drawn the MNIST way.</source>
        <translation>卷积在整幅图像上共享权重，池化能容忍小的平移，所以 CNN 更能应付不是按 MNIST 方式书写的数字。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="46"/>
        <source>With this budget the CNN&apos;s advantage on digits drawn unlike MNIST&apos;s does not show.</source>
        <translation>在这个训练预算下，CNN 在不同于 MNIST 书写风格的数字上并未显示出优势。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="73"/>
        <source>preparing the canvas-style digits</source>
        <translation>正在准备画板风格的数字</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="89"/>
        <source>Same budget: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}</source>
        <translation>相同预算：{data}，{epochs} 轮，Adam 学习率 {lr}，批大小 {batch}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="91"/>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="91"/>
        <location filename="../../../model/experiments/mnist_012.py" line="85"/>
        <source>parameters</source>
        <translation>参数量</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="93"/>
        <source>canvas: {kind}</source>
        <translation>画板：{kind}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="94"/>
        <source>canvas: all</source>
        <translation>画板：全部</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="94"/>
        <source>images/s</source>
        <translation>图像/秒</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="95"/>
        <source>MLP vs CNN under the same budget</source>
        <translation>相同预算下的 MLP 与 CNN</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="53"/>
        <source>Presets: mlp = {mlp}; cnn = {cnn}.</source>
        <translation>预设：mlp = {mlp}；cnn = {cnn}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="55"/>
        <source>Both: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}, seed {seed}; canvas-style set: {n} images of each kind</source>
        <translation>两者相同：{data}，{epochs} 轮，Adam 学习率 {lr}，批大小 {batch}，随机种子 {seed}；画板风格数据集：每类 {n} 张图像</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="59"/>
        <source> (preprocessing rejected {rejected})</source>
        <translation>（预处理拒绝了 {rejected}）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mlp_vs_cnn.py" line="61"/>
        <source>Test accuracy: MLP {mlp_test:.2%}, CNN {cnn_test:.2%}; canvas-style: MLP {mlp_canvas:.2%}, CNN {cnn_canvas:.2%}. The CNN has {weights:.0f} times the weights and took {time:.0f} times as long to train.</source>
        <translation>测试准确率：MLP {mlp_test:.2%}，CNN {cnn_test:.2%}；画板风格：MLP {mlp_canvas:.2%}，CNN {cnn_canvas:.2%}。CNN 的权重数量是 MLP 的 {weights:.0f} 倍，训练耗时是 {time:.0f} 倍。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="33"/>
        <source>mnist-012</source>
        <translation>MNIST 0/1/2</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="34"/>
        <source>Digits 0, 1, 2 only, small CNN: sigmoid vs ReLU in the fully connected layer</source>
        <translation>只用数字 0、1、2 的小型 CNN：全连接层用 Sigmoid 还是 ReLU</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="64"/>
        <source>Both reach nearly the same accuracy on three well-separated classes</source>
        <translation>在三个区分明显的类别上，两者的准确率几乎相同</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="65"/>
        <source>{winner} ends clearly ahead</source>
        <translation>{winner} 最终明显领先</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="68"/>
        <source>; the sigmoid layer&apos;s smaller gradients show as a slower first epoch.</source>
        <translation>；Sigmoid 层的梯度较小，表现为第一轮学得较慢。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="82"/>
        <source>Digits 0/1/2, small CNN ({data}, {epochs} epochs)</source>
        <translation>数字 0/1/2，小型 CNN（{data}，{epochs} 轮）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="84"/>
        <source>fc activation</source>
        <translation>全连接层激活函数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="86"/>
        <source>train accuracy, epoch 1</source>
        <translation>训练准确率（第 1 轮）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="89"/>
        <source>Digits 0, 1, 2: sigmoid vs ReLU in the fully connected layer</source>
        <translation>数字 0、1、2：全连接层中的 Sigmoid 与 ReLU</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="92"/>
        <source>Three classes (digits {classes}), CNN {layers} with ReLU convolutions; plain SGD lr {lr}, batch {batch}, {epochs} epochs, {data}, seed {seed}.</source>
        <translation>三个类别（数字 {classes}），CNN 结构 {layers}，卷积层用 ReLU；普通 SGD，学习率 {lr}，批大小 {batch}，{epochs} 轮，{data}，随机种子 {seed}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_012.py" line="97"/>
        <source>Test accuracy: sigmoid {sig}, ReLU {relu} (after the first epoch&apos;s training: sigmoid {sig_first}, ReLU {relu_first}).</source>
        <translation>测试准确率：Sigmoid {sig}，ReLU {relu}（第一轮训练后：Sigmoid {sig_first}，ReLU {relu_first}）。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="25"/>
        <source>ln(10): guessing</source>
        <translation>ln(10)：随机猜测</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="41"/>
        <source>{train} training, {test} test images</source>
        <translation>{train} 张训练图像，{test} 张测试图像</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="43"/>
        <source>{train} training, {val} validation, {test} test images</source>
        <translation>{train} 张训练图像，{val} 张验证图像，{test} 张测试图像</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="102"/>
        <location filename="../../../model/experiments/toy_digits.py" line="85"/>
        <source>epoch {epoch}/{epochs}, loss {loss}</source>
        <translation>第 {epoch}/{epochs} 轮，损失 {loss}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="124"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="125"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="127"/>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="93"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="128"/>
        <source>Training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="129"/>
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="130"/>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="131"/>
        <source>Test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/mnist_runs.py" line="132"/>
        <source>Test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="21"/>
        <source>optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="22"/>
        <source>SGD, momentum, RMSprop, Adam on 784-100-10 with early stopping (patience 3)</source>
        <translation>784-100-10 网络上的 SGD、动量法、RMSprop、Adam，带早停（耐心值 3）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="29"/>
        <source>SGD + momentum 0.9</source>
        <translation>SGD + 动量 0.9</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="40"/>
        <source>finished</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="40"/>
        <source>early stopped</source>
        <translation>早停</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="56"/>
        <source>784-100-10, batch {batch}, early stopping with patience {patience} ({data})</source>
        <translation>784-100-10，批大小 {batch}，早停耐心值 {patience}（{data}）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="58"/>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="59"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="60"/>
        <location filename="../../../model/experiments/regularization.py" line="78"/>
        <source>best val accuracy</source>
        <translation>最佳验证准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="61"/>
        <location filename="../../../model/experiments/regularization.py" line="80"/>
        <source>best epoch</source>
        <translation>最佳轮次</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="62"/>
        <source>epochs used</source>
        <translation>实际轮数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="62"/>
        <source>ended</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="63"/>
        <source>test accuracy (best epoch)</source>
        <translation>测试准确率（最佳轮次）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="65"/>
        <source>Optimizers on 784-100-10</source>
        <translation>784-100-10 上的优化器对比</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="69"/>
        <source>784-100-10 ReLU network from the same initial weights (seed {seed}), batch {batch}, {data}, at most {epochs} epochs, stopping after {patience} epochs without a lower validation loss.</source>
        <translation>784-100-10 ReLU 网络，从相同的初始权重开始（随机种子 {seed}），批大小 {batch}，{data}，最多 {epochs} 轮，验证损失连续 {patience} 轮不再下降即停止。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="73"/>
        <source>Best validation accuracy: {winner} with {accuracy} at epoch {epoch}; fewest epochs to its best: {fastest} (epoch {fastest_epoch}).</source>
        <translation>最佳验证准确率：{winner}，第 {epoch} 轮达到 {accuracy}；最快达到自身最佳的是 {fastest}（第 {fastest_epoch} 轮）。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/optimizers.py" line="77"/>
        <source>Momentum and the adaptive methods (RMSprop, Adam) usually need fewer epochs than plain SGD; once the validation loss turns up (over-fitting), early stopping ends the run and keeps the best epoch.</source>
        <translation>动量法和自适应方法（RMSprop、Adam）通常比普通 SGD 需要更少的轮数；一旦验证损失开始回升（过拟合），早停就会结束训练，并保留最佳一轮的权重。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="20"/>
        <source>regularization</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="21"/>
        <source>784-100-10 plain, + batch norm, + dropout 0.5, + both: validation accuracy, epochs to early stop</source>
        <translation>784-100-10：无正则化、+ 批归一化、+ Dropout 0.5、两者兼用：验证准确率与早停所需轮数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="27"/>
        <source>plain</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="28"/>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="38"/>
        <source>dropout 0.5</source>
        <translation>Dropout 0.5</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="39"/>
        <source>batch norm + dropout 0.5</source>
        <translation>批归一化 + Dropout 0.5</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="75"/>
        <source>784-100-10, {optimizer} lr {lr}, batch {batch}, patience {patience} ({data})</source>
        <translation>784-100-10，{optimizer} 学习率 {lr}，批大小 {batch}，耐心值 {patience}（{data}）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="79"/>
        <source>best val loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="81"/>
        <source>epochs to early stop</source>
        <translation>早停所需轮数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="82"/>
        <source>train - val accuracy</source>
        <translation>训练 - 验证准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="84"/>
        <source>Regularization on 784-100-10</source>
        <translation>784-100-10 上的正则化</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="45"/>
        <source>784-100-10 ReLU network, the same initial weights for all (seed {seed}), {optimizer} lr {lr}, batch {batch}, {data}, at most {epochs} epochs, early stopping after {patience} epochs without a lower validation loss.</source>
        <translation>784-100-10 ReLU 网络，所有变体使用相同的初始权重（随机种子 {seed}），{optimizer} 学习率 {lr}，批大小 {batch}，{data}，最多 {epochs} 轮，验证损失连续 {patience} 轮不再下降即早停。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="50"/>
        <source>Best validation accuracy: {winner} ({accuracy}). Train - validation accuracy at the best epoch: {gaps}; epochs to early stop: {epochs}.</source>
        <translation>最佳验证准确率：{winner}（{accuracy}）。最佳一轮时的训练 - 验证准确率：{gaps}；早停所需轮数：{epochs}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/regularization.py" line="55"/>
        <source>Dropout trains a different thinned network on every batch, so the network cannot lean on single units: the gap between training and validation accuracy narrows and the validation loss keeps falling for longer. Batch norm re-centres every layer&apos;s inputs, which mostly speeds up training.</source>
        <translation>Dropout 在每个批次上训练一个不同的“变瘦”的网络，使网络无法依赖个别单元：训练与验证准确率之间的差距缩小，验证损失也能持续下降更久。批归一化把每一层的输入重新居中，主要作用是加快训练。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="25"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="25"/>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="26"/>
        <source>train accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="27"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="28"/>
        <source>training s</source>
        <translation>训练秒数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="29"/>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="30"/>
        <source>epoch</source>
        <translation>轮</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/results.py" line="154"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="33"/>
        <source>toy-digits</source>
        <translation>玩具数字</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="34"/>
        <source>Five 5x5 digits, deep 25-20-20-20-5 net: ReLU vs sigmoid + dropout 0.2, per-sample SGD</source>
        <translation>五个 5x5 数字，深层 25-20-20-20-5 网络：ReLU 与 Sigmoid + Dropout 0.2 对比，逐样本 SGD</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="53"/>
        <source>Sigmoid + dropout 0.2</source>
        <translation>Sigmoid + Dropout 0.2</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="119"/>
        <source>Toy digits: training error ({epochs} epochs, lr {lr})</source>
        <translation>玩具数字：训练误差（{epochs} 轮，学习率 {lr}）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="121"/>
        <source>Cross-entropy per epoch</source>
        <translation>每轮的交叉熵</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="122"/>
        <source>mean training loss (log scale)</source>
        <translation>平均训练损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="124"/>
        <source>Toy digits: softmax outputs</source>
        <translation>玩具数字：Softmax 输出</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="125"/>
        <source>output class (digit)</source>
        <translation>输出类别（数字）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="126"/>
        <source>input digit</source>
        <translation>输入数字</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="131"/>
        <source>Toy digits after {epochs} epochs</source>
        <translation>训练 {epochs} 轮后的玩具数字</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="133"/>
        <source>min diagonal</source>
        <translation>对角线最小值</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="134"/>
        <source>mean diagonal</source>
        <translation>对角线平均值</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="92"/>
        <source>{network}: output for digits 1-5 (rows) over classes 1-5 (columns)</source>
        <translation>{network}：数字 1-5（行）在类别 1-5（列）上的输出</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="96"/>
        <source>The ReLU network&apos;s smallest diagonal output {value} exceeds {target}.</source>
        <translation>ReLU 网络对角线上的最小输出 {value} 超过了 {target}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="98"/>
        <source>The ReLU network&apos;s smallest diagonal output {value} does NOT exceed {target}.</source>
        <translation>ReLU 网络对角线上的最小输出 {value} 没有超过 {target}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/toy_digits.py" line="100"/>
        <source>25-20-20-20-5 network, per-sample SGD, lr {lr}, {epochs} epochs, seed {seed}.</source>
        <translation>25-20-20-20-5 网络，逐样本 SGD，学习率 {lr}，{epochs} 轮，随机种子 {seed}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="23"/>
        <source>vanishing-gradients</source>
        <translation>梯度消失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="24"/>
        <source>Per-layer gradient norms of 6- and 10-hidden-layer nets, sigmoid vs ReLU</source>
        <translation>6 层和 10 层隐藏层网络中各层的梯度范数：Sigmoid 与 ReLU 对比</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="28"/>
        <source>relu</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="60"/>
        <source>{activation}, {depth} hidden layers: iteration {iteration}/{iterations}</source>
        <translation>{activation}，{depth} 个隐藏层：第 {iteration}/{iterations} 次迭代</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="69"/>
        <source>layer {n} (input)</source>
        <translation>第 {n} 层（输入）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="71"/>
        <source>layer {n} (output)</source>
        <translation>第 {n} 层（输出）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="72"/>
        <source>layer {n}</source>
        <translation>第 {n} 层</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="78"/>
        <source>{activation}, {depth} hidden</source>
        <translation>{activation}，{depth} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="83"/>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="83"/>
        <source>||dL/dW|| (log scale)</source>
        <translation>||dL/dW||（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="85"/>
        <source>{network}: gradient norm per layer</source>
        <translation>{network}：各层的梯度范数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="89"/>
        <source>Mean gradient norm over the first {n} iterations</source>
        <translation>前 {n} 次迭代的平均梯度范数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="90"/>
        <source>layer (1 = input side)</source>
        <translation>层（1 = 输入端）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="97"/>
        <source>Gradient norm of every layer during training</source>
        <translation>训练过程中每一层的梯度范数</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="100"/>
        <source>Vanishing gradients: sigmoid vs ReLU</source>
        <translation>梯度消失：Sigmoid 与 ReLU 对比</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="118"/>
        <source>Gradient norms, mean of the first {early} iterations; loss after {iterations}</source>
        <translation>梯度范数（前 {early} 次迭代的平均值）；{iterations} 次迭代后的损失</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="121"/>
        <source>first layer</source>
        <translation>第一层</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="122"/>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="123"/>
        <source>first / output</source>
        <translation>第一层 / 输出层</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="125"/>
        <source>{width}-unit hidden layers, plain SGD lr {lr}, batch {batch}, {iterations} iterations on {n} MNIST training images, seed {seed}.</source>
        <translation>每个隐藏层 {width} 个单元，普通 SGD，学习率 {lr}，批大小 {batch}，在 {n} 张 MNIST 训练图像上迭代 {iterations} 次，随机种子 {seed}。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="128"/>
        <source>With {depth} hidden layers the first layer&apos;s gradient is {ratio:.0f} times smaller under sigmoid than under ReLU.</source>
        <translation>有 {depth} 个隐藏层时，Sigmoid 网络第一层的梯度比 ReLU 网络小 {ratio:.0f} 倍。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/vanishing_gradients.py" line="131"/>
        <source>Sigmoid&apos;s derivative is at most 1/4, so each layer passes back a fraction of the gradient it receives: the layers near the input barely learn and the loss stays near ln(10) for long.</source>
        <translation>Sigmoid 的导数最大只有 1/4，所以每一层只能把收到的梯度的一小部分传回去：靠近输入的层几乎学不到东西，损失也会长时间停留在 ln(10) 附近。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="21"/>
        <source>xor</source>
        <translation>XOR</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="22"/>
        <source>XOR with a 2-2-1 sigmoid MLP, squared error, lr 0.3: how many seeds solve it</source>
        <translation>用 2-2-1 Sigmoid MLP 学 XOR，平方误差，学习率 0.3：有多少个随机种子能学会</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="35"/>
        <source>solved</source>
        <translation>已学会</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="35"/>
        <source>slow</source>
        <translation>收敛慢</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="36"/>
        <source>stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="86"/>
        <source>seed {seed}</source>
        <translation>随机种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="99"/>
        <source>XOR, 2-{hidden}-1 sigmoid, lr {lr}: {n} seeds</source>
        <translation>XOR，2-{hidden}-1 Sigmoid，学习率 {lr}：{n} 个随机种子</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="101"/>
        <source>Squared error per epoch</source>
        <translation>每轮的平方误差</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="102"/>
        <source>mean loss (log scale)</source>
        <translation>平均损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="105"/>
        <source>XOR after {epochs} epochs</source>
        <translation>训练 {epochs} 轮后的 XOR</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="106"/>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="107"/>
        <source>outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="68"/>
        <source>2-{hidden}-1 sigmoid network, squared error, per-sample SGD, lr {lr}, {epochs} epochs.</source>
        <translation>2-{hidden}-1 Sigmoid 网络，平方误差，逐样本 SGD，学习率 {lr}，{epochs} 轮。</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="71"/>
        <source>{solved} of {n} seeds solve XOR (every output within {tolerance} of its target); still converging: {slow}; stuck on a plateau (a local minimum, outputs stall near 0.5): {stuck}</source>
        <translation>{n} 个随机种子中有 {solved} 个学会了 XOR（每个输出与目标相差都在 {tolerance} 以内）；仍在收敛：{slow} 个；卡在平台区（局部极小值，输出停在 0.5 附近）：{stuck} 个</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="75"/>
        <source> (seeds {seeds})</source>
        <translation>（随机种子 {seeds}）</translation>
    </message>
    <message>
        <location filename="../../../model/experiments/xor.py" line="77"/>
        <source>Seed {seed}: final loss {loss}, outputs for (0,0), (0,1), (1,0), (1,1): {outputs}.</source>
        <translation>随机种子 {seed}：最终损失 {loss}，(0,0)、(0,1)、(1,0)、(1,1) 的输出：{outputs}。</translation>
    </message>
</context>
<context>
    <name>ExperimentsView</name>
    <message>
        <location filename="../../experiments_view.py" line="37"/>
        <source>Quick: a few seconds on a few hundred images, to see what the experiment does.
Unticked: the full experiment, a few seconds (toy-digits, xor) to about 15 minutes.</source>
        <translation>快速：用几百张图像跑几秒钟，先看看实验做什么。
不勾选：完整实验，耗时从几秒（玩具数字、XOR）到约 15 分钟不等。</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="133"/>
        <source>Experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="133"/>
        <source>What it shows</source>
        <translation>展示内容</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="141"/>
        <source>Quick</source>
        <translation>快速</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="143"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="143"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="146"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="147"/>
        <source>Open the folder holding the shown results&apos; PNG, Markdown and CSV files</source>
        <translation>打开存放当前结果的 PNG、Markdown 和 CSV 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="151"/>
        <source>Choose an experiment and press Run.</source>
        <translation>选择一个实验，然后点击“运行”。</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="187"/>
        <source>Running {name} (quick)...</source>
        <translation>正在运行 {name}（快速）……</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="188"/>
        <source>Running {name}...</source>
        <translation>正在运行 {name}……</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="194"/>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="210"/>
        <source>{name}: {message}</source>
        <translation>{name}：{message}</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="217"/>
        <source>{name} done; results in {folder}</source>
        <translation>{name} 已完成；结果保存在 {folder}</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="228"/>
        <source>No file manager to open it with: the results are in {folder}</source>
        <translation>没有可用的文件管理器：结果保存在 {folder}</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="236"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="238"/>
        <source>Cancelled. Below: the last finished run, {name}.</source>
        <translation>已取消。下方显示的是上一次完成的运行：{name}。</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="256"/>
        <source>Table: {name}</source>
        <translation>表格：{name}</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="258"/>
        <source>Files: {folder}</source>
        <translation>文件：{folder}</translation>
    </message>
    <message>
        <location filename="../../experiments_view.py" line="260"/>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <location filename="../../../model/explain.py" line="40"/>
        <source>gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location filename="../../../model/explain.py" line="41"/>
        <source>gradient of the class score</source>
        <translation>类别得分的梯度</translation>
    </message>
    <message>
        <location filename="../../../model/explain.py" line="44"/>
        <source>conv {n}</source>
        <translation>卷积层 {n}</translation>
    </message>
    <message>
        <location filename="../../../model/explain.py" line="44"/>
        <source>pool {n}</source>
        <translation>池化层 {n}</translation>
    </message>
    <message>
        <location filename="../../../model/explain.py" line="45"/>
        <source>hidden {n}</source>
        <translation>隐藏层 {n}</translation>
    </message>
</context>
<context>
    <name>ExplainPlots</name>
    <message>
        <location filename="../../../model/explain_plots.py" line="62"/>
        <source>{layer}: {n} maps {h}x{w}</source>
        <translation>{layer}：{n} 个特征图 {h}x{w}</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="67"/>
        <source>{layer}: {n} units</source>
        <translation>{layer}：{n} 个单元</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="68"/>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="69"/>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="84"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="94"/>
        <source>what the network saw (28x28)</source>
        <translation>网络看到的图像（28x28）</translation>
    </message>
    <message>
        <location filename="../../../model/explain_plots.py" line="102"/>
        <source>evidence for (red) / against (blue)</source>
        <translation>支持（红）/ 反对（蓝）的证据</translation>
    </message>
</context>
<context>
    <name>Finetune</name>
    <message>
        <location filename="../../../model/finetune.py" line="79"/>
        <source>{count} of {digit}</source>
        <translation>{digit} 只有 {count} 个</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="83"/>
        <source>few samples: {counts}; with fewer than {few} of a digit the network may learn those drawings by heart rather than your handwriting</source>
        <translation>样本太少：{counts}；某个数字少于 {few} 个时，网络可能只是死记住这几幅手写，而不是学会你的书写风格</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="127"/>
        <source>fine-tuned for {n} epochs in {s} s</source>
        <translation>微调了 {n} 轮，用时 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="129"/>
        <source>fine-tuned for 1 epoch in {s} s</source>
        <translation>微调了 1 轮，用时 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="176"/>
        <source>your held-out digits {before:.1%} → {after:.1%}</source>
        <translation>你留出的数字 {before:.1%} → {after:.1%}</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="178"/>
        <source>no digits held out to check on</source>
        <translation>没有留出数字用于检验</translation>
    </message>
    <message>
        <location filename="../../../model/finetune.py" line="179"/>
        <source>{mine}, MNIST test {before:.2%} → {after:.2%}</source>
        <translation>{mine}，MNIST 测试集 {before:.2%} → {after:.2%}</translation>
    </message>
</context>
<context>
    <name>FinetuneLauncher</name>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="47"/>
        <source>A run is already going in the Train tab</source>
        <translation>训练页中已有一次训练在进行</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="48"/>
        <source>No network to fine-tune</source>
        <translation>没有可微调的网络</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="49"/>
        <source>Keep some digits first (press a digit key on the Draw tab, or Practise)</source>
        <translation>请先保存一些数字（在绘图页按数字键，或使用“练习”）</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="63"/>
        <source>Fine-tuning on {n} of your digits ({held} held out)…</source>
        <translation>正在用你的 {n} 个数字微调（留出 {held} 个）……</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="85"/>
        <source>{network} + my digits</source>
        <translation>{network} + 我的数字</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="88"/>
        <source>&lt;b&gt;{network}&lt;/b&gt;: {scores}.{note} Use it, save it, or discard it.</source>
        <translation>&lt;b&gt;{network}&lt;/b&gt;：{scores}。{note}可以使用、保存或丢弃它。</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="94"/>
        <source> Note: {warning}.</source>
        <translation>注意：{warning}。</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="98"/>
        <source>Using the fine-tuned network; My digits ▸ Revert brings back the one from before</source>
        <translation>正在使用微调后的网络；“我的数字 ▸ 恢复”可换回之前的网络</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="107"/>
        <source>Nothing to revert: the network in use is the one from before the last fine-tune, or there was none</source>
        <translation>无需恢复：当前使用的就是上次微调之前的网络，或者还没有微调过</translation>
    </message>
    <message>
        <location filename="../../my_digits/finetune_run.py" line="111"/>
        <source>Back to the network from before the fine-tune</source>
        <translation>已换回微调之前的网络</translation>
    </message>
</context>
<context>
    <name>InsideView</name>
    <message>
        <location filename="../../inside/view.py" line="59"/>
        <source>Hover a map, filter, template or bar for its layer, index and value.</source>
        <translation>把鼠标悬停在特征图、卷积核、模板或柱条上，可查看它所在的层、序号和数值。</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="65"/>
        <source>Every network&apos;s reading of this drawing</source>
        <translation>各个网络对这幅手写数字的识别</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="76"/>
        <source>Layers</source>
        <translation>各层</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="77"/>
        <source>Mistakes</source>
        <translation>识别错误</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="135"/>
        <source>&lt;b&gt;{network}&lt;/b&gt; reads &lt;b&gt;{digit}&lt;/b&gt; ({percent}%)</source>
        <translation>&lt;b&gt;{network}&lt;/b&gt; 识别为 &lt;b&gt;{digit}&lt;/b&gt;（{percent}%）</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="138"/>
        <source>No network loaded.</source>
        <translation>未加载网络。</translation>
    </message>
    <message>
        <location filename="../../inside/view.py" line="139"/>
        <source>Draw a digit on the canvas above.</source>
        <translation>请在上方画板上写一个数字。</translation>
    </message>
</context>
<context>
    <name>Keeper</name>
    <message>
        <location filename="../../my_digits/keeper.py" line="54"/>
        <source>Keep as {d}</source>
        <translation>保存为 {d}</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="59"/>
        <source>Click a digit&apos;s row (or press its key) to keep the drawing as that digit</source>
        <translation>点击某个数字所在的行（或按对应数字键），把这幅手写保存为该数字</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="78"/>
        <source>Draw a digit first, then press its key to keep it</source>
        <translation>请先写一个数字，再按对应的数字键保存</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="83"/>
        <source>Could not keep the drawing: {error}</source>
        <translation>无法保存这幅手写：{error}</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="89"/>
        <source>Kept as {digit} in My digits ({count}); Ctrl+Z takes it back</source>
        <translation>已作为 {digit} 保存到“我的数字”（{count}）；按 Ctrl+Z 撤回</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="103"/>
        <source>Could not take back the sample: {error}</source>
        <translation>无法撤回该样本：{error}</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="107"/>
        <source>Took back the {digit} just kept</source>
        <translation>已撤回刚保存的 {digit}</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../inside/layers_panel.py" line="19"/>
        <source>Draw a digit to see what each layer makes of it.</source>
        <translation>写一个数字，看看每一层是如何处理它的。</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="55"/>
        <source>conv 1: its {n} filters (weights)</source>
        <translation>卷积层 1：它的 {n} 个卷积核（权重）</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="56"/>
        <source>filter {k}</source>
        <translation>卷积核 {k}</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="80"/>
        <source>{layer}: {c} maps {h}x{w}, after the activation</source>
        <translation>{layer}：{c} 个特征图 {h}x{w}，激活之后</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="83"/>
        <source>{layer}: {n} units</source>
        <translation>{layer}：{n} 个单元</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="91"/>
        <source>hidden 1: weights of its {n} most active units</source>
        <translation>隐藏层 1：激活最强的 {n} 个单元的权重</translation>
    </message>
    <message>
        <location filename="../../inside/layers_panel.py" line="93"/>
        <source>unit {u} (activation {a}), weight</source>
        <translation>单元 {u}（激活值 {a}），权重</translation>
    </message>
</context>
<context>
    <name>MistakesGallery</name>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="46"/>
        <source>Could not read MNIST test: {error}</source>
        <translation>无法读取 MNIST 测试集：{error}</translation>
    </message>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="55"/>
        <source>No network loaded.</source>
        <translation>未加载网络。</translation>
    </message>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="61"/>
        <source>Reading the 10,000 MNIST test digits with {network} to find its mistakes…</source>
        <translation>正在用 {network} 识别 10,000 张 MNIST 测试图像，查找它的错误……</translation>
    </message>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="85"/>
        <source>{network} misreads {n} of {tested} MNIST test digits, most confident first. Click one to put it on the canvas and look inside.</source>
        <translation>{network} 在 {tested} 张 MNIST 测试图像中识别错了 {n} 张，按置信度从高到低排列。点击一张即可放到画板上，查看网络内部。</translation>
    </message>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="88"/>
        <source>{network} misreads {n} of {tested} MNIST test digits; the {shown} most confident shown, most confident first. Click one to put it on the canvas and look inside.</source>
        <translation>{network} 在 {tested} 张 MNIST 测试图像中识别错了 {n} 张；这里按置信度从高到低显示前 {shown} 张。点击一张即可放到画板上，查看网络内部。</translation>
    </message>
    <message>
        <location filename="../../inside/mistakes_gallery.py" line="97"/>
        <source>MNIST test #{index}: a {label} read as {read} with {percent}% confidence</source>
        <translation>MNIST 测试图像 #{index}：{label} 被识别为 {read}，置信度 {percent}%</translation>
    </message>
</context>
<context>
    <name>MyDigits</name>
    <message>
        <location filename="../../my_digits/__init__.py" line="18"/>
        <source>Misread? Press the right digit key, or click its row, to keep the drawing in My digits</source>
        <translation>识别错了？按下正确的数字键或点击它所在的行，把这幅手写保存到“我的数字”</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="33"/>
        <source>My digits</source>
        <translation>我的数字</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="34"/>
        <source>&amp;My digits</source>
        <translation>我的数字(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="35"/>
        <source>&amp;Practise</source>
        <translation>练习(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="36"/>
        <source>&amp;Show My digits</source>
        <translation>显示“我的数字”(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="39"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="40"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="45"/>
        <source>&amp;Fine-tune on my digits</source>
        <translation>用我的数字微调(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../my_digits/__init__.py" line="46"/>
        <source>&amp;Revert to the network from before</source>
        <translation>恢复到之前的网络(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="21"/>
        <source>zero</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="21"/>
        <source>one</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="22"/>
        <source>two</source>
        <translation>2</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="22"/>
        <source>three</source>
        <translation>3</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="23"/>
        <source>four</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="23"/>
        <source>five</source>
        <translation>5</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="24"/>
        <source>six</source>
        <translation>6</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="24"/>
        <source>seven</source>
        <translation>7</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="25"/>
        <source>eight</source>
        <translation>8</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="25"/>
        <source>nine</source>
        <translation>9</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="26"/>
        <source>zeros</source>
        <translation>0</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="26"/>
        <source>ones</source>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="27"/>
        <source>twos</source>
        <translation>2</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="27"/>
        <source>threes</source>
        <translation>3</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="28"/>
        <source>fours</source>
        <translation>4</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="28"/>
        <source>fives</source>
        <translation>5</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="29"/>
        <source>sixes</source>
        <translation>6</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="29"/>
        <source>sevens</source>
        <translation>7</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="30"/>
        <source>eights</source>
        <translation>8</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="30"/>
        <source>nines</source>
        <translation>9</translation>
    </message>
    <message>
        <location filename="../../my_digits/keeper.py" line="41"/>
        <source>{count} {digit}</source>
        <translation>{count} 个 {digit}</translation>
    </message>
</context>
<context>
    <name>MyDigitsView</name>
    <message>
        <location filename="../../my_digits/view.py" line="43"/>
        <source>Practise…</source>
        <translation>练习…</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="43"/>
        <source>DigitLab asks for digits; Enter keeps each</source>
        <translation>DigitLab 依次请你写数字；按回车保存每一个</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="45"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="45"/>
        <source>Delete the selected samples</source>
        <translation>删除选中的样本</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="46"/>
        <source>Give the selected samples another digit</source>
        <translation>为选中的样本改标为另一个数字</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="47"/>
        <source>Relabel as…</source>
        <translation>改标为…</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="48"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="48"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="107"/>
        <source>kept as {label}; the network reads {read}</source>
        <translation>保存为 {label}；网络识别为 {read}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="114"/>
        <source>; {network} misreads {wrong}</source>
        <translation>；{network} 识别错了 {wrong} 个</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="116"/>
        <source>{n} samples in {folder}{misread}</source>
        <translation>{folder} 中共有 {n} 个样本{misread}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="138"/>
        <location filename="../../my_digits/view.py" line="150"/>
        <source>Select samples first</source>
        <translation>请先选择样本</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="140"/>
        <source>Deleted 1 sample</source>
        <translation>已删除 1 个样本</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="141"/>
        <source>Deleted {n} samples</source>
        <translation>已删除 {n} 个样本</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="149"/>
        <source>Relabelled {n} as {digit}</source>
        <translation>已将 {n} 个样本改标为 {digit}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="158"/>
        <source>Nothing imported: {error}</source>
        <translation>未导入任何样本：{error}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="160"/>
        <source>Imported {n} samples from {source}</source>
        <translation>已从 {source} 导入 {n} 个样本</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="167"/>
        <source>Nothing exported: {error}</source>
        <translation>未导出任何样本：{error}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="169"/>
        <source>Exported {n} samples to {dest}</source>
        <translation>已导出 {n} 个样本到 {dest}</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="173"/>
        <source>Import digits (a zip, or labels.csv in a folder)</source>
        <translation>导入数字（zip 文件，或文件夹中的 labels.csv）</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="174"/>
        <source>Zip or labels.csv (*.zip labels.csv)</source>
        <translation>Zip 或 labels.csv (*.zip labels.csv)</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="179"/>
        <source>Export digits (a .zip, or a new folder name)</source>
        <translation>导出数字（.zip 文件，或新文件夹名）</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="193"/>
        <source>no digit</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../../my_digits/view.py" line="194"/>
        <source>read {digit}</source>
        <translation>识别为 {digit}</translation>
    </message>
</context>
<context>
    <name>NetworksTable</name>
    <message>
        <location filename="../../inside/networks_table.py" line="12"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../inside/networks_table.py" line="12"/>
        <source>Reads</source>
        <translation>识别为</translation>
    </message>
    <message>
        <location filename="../../inside/networks_table.py" line="13"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../inside/networks_table.py" line="13"/>
        <source>Top 3</source>
        <translation>前 3 名</translation>
    </message>
</context>
<context>
    <name>PracticeBar</name>
    <message>
        <location filename="../../my_digits/practice.py" line="28"/>
        <source>Keep</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../my_digits/practice.py" line="28"/>
        <source>Store the drawing as the digit asked for (Enter)</source>
        <translation>把这幅手写保存为要求的数字（回车）</translation>
    </message>
    <message>
        <location filename="../../my_digits/practice.py" line="31"/>
        <source>Stop practising</source>
        <translation>停止练习</translation>
    </message>
    <message>
        <location filename="../../my_digits/practice.py" line="40"/>
        <source>Keep (practice)</source>
        <translation>保存（练习）</translation>
    </message>
    <message>
        <location filename="../../my_digits/practice.py" line="85"/>
        <source>Draw a {digit}</source>
        <translation>请写一个 {digit}</translation>
    </message>
    <message>
        <location filename="../../my_digits/practice.py" line="87"/>
        <source>kept so far</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>ProbabilityColumns</name>
    <message>
        <location filename="../../watch/probability_columns.py" line="13"/>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../watch/probability_columns.py" line="13"/>
        <source>in training</source>
        <translation>训练中</translation>
    </message>
</context>
<context>
    <name>SaliencyView</name>
    <message>
        <location filename="../../inside/saliency_view.py" line="22"/>
        <source>d(score of {d}) / d(pixel) × pixel: what the ink that is there did. Red raised the score of {d}, blue lowered it.</source>
        <translation>d({d} 的得分) / d(像素) × 像素：已有笔迹起了什么作用。红色提高了 {d} 的得分，蓝色降低了它。</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="24"/>
        <source>d(score of {d}) / d(pixel): where more ink would raise (red) or lower (blue) the score of {d}, on the paper too.</source>
        <translation>d({d} 的得分) / d(像素)：在哪里多加笔迹会提高（红）或降低（蓝）{d} 的得分，空白处也一样。</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="67"/>
        <source>Which pixels decided</source>
        <translation>哪些像素起了决定作用</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="70"/>
        <source>the digit read</source>
        <translation>识别出的数字</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="72"/>
        <source>{d}  (why {d}? why not {d}?)</source>
        <translation>{d}（为什么是 {d}？为什么不是 {d}？）</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="79"/>
        <source>Evidence for</source>
        <translation>解释的类别</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="80"/>
        <source>Map</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="107"/>
        <source>Draw a digit to see which pixels count for or against each class.</source>
        <translation>写一个数字，看看哪些像素支持或反对每个类别。</translation>
    </message>
    <message>
        <location filename="../../inside/saliency_view.py" line="111"/>
        <source>Shown: &lt;b&gt;{method}&lt;/b&gt; for {d}.</source>
        <translation>显示：{d} 的&lt;b&gt;{method}&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>ScaledImage</name>
    <message>
        <location filename="../../experiments_view.py" line="71"/>
        <source>Cannot read {file}</source>
        <translation>无法读取 {file}</translation>
    </message>
</context>
<context>
    <name>TileGrid</name>
    <message>
        <location filename="../../inside/tile_grid.py" line="52"/>
        <source>map {k}</source>
        <translation>特征图 {k}</translation>
    </message>
    <message>
        <location filename="../../inside/tile_grid.py" line="148"/>
        <source>{title} · {name} · (row {r}, col {c}) = {value}</source>
        <translation>{title} · {name} ·（第 {r} 行，第 {c} 列）= {value}</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <location filename="../../watch/side_panel.py" line="50"/>
        <location filename="../../watch/side_panel.py" line="113"/>
        <source>in training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="64"/>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="65"/>
        <source>Hide until the next run; the Train tab has everything</source>
        <translation>隐藏到下次训练；训练页中有全部内容</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="72"/>
        <location filename="../../watch/side_panel.py" line="204"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="73"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="76"/>
        <source>Probability of each digit under the network in use and in training</source>
        <translation>使用中和训练中的网络给出的各数字概率</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="81"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="93"/>
        <source>Your drawing</source>
        <translation>你的手写</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="118"/>
        <source>Loading MNIST…</source>
        <translation>正在加载 MNIST……</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="145"/>
        <source>Paused · </source>
        <translation>已暂停 · </translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="173"/>
        <source>Training failed.</source>
        <translation>训练失败。</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="175"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="185"/>
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="188"/>
        <source>last snapshot</source>
        <translation>最后快照</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="204"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="239"/>
        <source>Draw a digit to watch it being learned</source>
        <translation>写一个数字，观察网络如何学会它</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="240"/>
        <source>Your {digit}, step by step</source>
        <translation>你的 {digit}，逐步变化</translation>
    </message>
    <message>
        <location filename="../../watch/side_panel.py" line="248"/>
        <source>Epoch {epoch}/{epochs}  ·  {percent}%</source>
        <translation>第 {epoch}/{epochs} 轮  ·  {percent}%</translation>
    </message>
</context>
</TS>
