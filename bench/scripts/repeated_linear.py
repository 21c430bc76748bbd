"""Chapter 09's weight-sharing fit as a plain script: one nn.Linear(1, 1) applied twice,
y = w (w x + b) + b, learns y = 1.233 x + 0.988 from 5,000 single-sample SGD steps; it should
end at w = 1.110, b = 0.468 (w^2 = 1.233, b (w + 1) = 0.988).
"""
from line_one_sample import fit

if __name__ == "__main__":
    _, (w, b) = fit(twice=True)
    print(f"weight={w:.3f} bias={b:.3f}")
