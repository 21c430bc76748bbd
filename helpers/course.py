"""The one list of chapters: file, title, what it teaches, minutes to work through."""

CHAPTERS = [
    ("01_introduction.ipynb", "01 · Introduction",
     "what PyTorch adds to NumPy; the problem, its loss, the best possible cubic", 15),
    ("02_numpy.ipynb", "02 · NumPy", "gradient descent with gradients derived by hand", 25),
    ("03_tensors.ipynb", "03 · Tensors",
     "the same fit with torch tensors; dtype, device, NumPy interop, timing", 25),
    ("04_autograd.ipynb", "04 · Autograd",
     "requires_grad, the recorded graph, backward, no_grad; checking against calculus", 30),
    ("05_custom_autograd_function.ipynb", "05 · Custom autograd Functions",
     "forward/backward by hand in a torch.autograd.Function, proven with gradcheck", 30),
    ("06_nn.ipynb", "06 · nn",
     "nn.Sequential, nn.Linear, nn.MSELoss; features by broadcasting", 25),
    ("07_optim.ipynb", "07 · optim",
     "optimizers compared; why plain gradient descent crawls and how to fix it", 35),
    ("08_custom_module.ipynb", "08 · Custom nn.Module",
     "your own Module with Parameters; saving and loading weights", 25),
    ("09_control_flow_weight_sharing.ipynb", "09 · Control flow and weight sharing",
     "dynamic graphs from Python control flow; one weight used twice", 35),
    ("10_linear_regression.ipynb", "10 · Linear regression",
     "a complete small project with nn.Linear; the whole course in one table", 30),
]
