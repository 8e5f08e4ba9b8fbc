<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Canvas</name>
    <message>
        <source>Drawing canvas</source>
        <translation>绘图画布</translation>
    </message>
</context>
<context>
    <name>ConfigErrors</name>
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
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>training-set size</source>
        <translation>训练集大小</translation>
    </message>
    <message>
        <source>The batch size {0} is larger than the {1} training images.</source>
        <translation>批大小 {0} 超过了训练图像的数量（{1} 张）。</translation>
    </message>
    <message>
        <source>The {0} must be a whole number from {1} to {2}, not {3}.</source>
        <translation>{0}必须是 {1} 到 {2} 之间的整数，而不是 {3}。</translation>
    </message>
    <message>
        <source>The {0} must be a whole number of at least {1}, not {2}.</source>
        <translation>{0}必须是不小于 {1} 的整数，而不是 {2}。</translation>
    </message>
    <message>
        <source>The {0} must be a number in {1}, not {2}.</source>
        <translation>{0}必须是区间 {1} 内的数，而不是 {2}。</translation>
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
        <translation>把画布保存为 PNG 图片</translation>
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
        <source>E&amp;valuate on MNIST test…</source>
        <translation>在 MNIST 测试集上评估(&amp;V)…</translation>
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
        <translation>笔刷宽度，以画布边长的 1/{0:.0f} 为单位：无论窗口多大，笔画都一样粗（22 画出的笔画和 MNIST 一样粗）</translation>
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
