# Two commands set everything up on a fresh machine: `make lab` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install; newer requirements or package metadata re-install.
STAMP := $(VENV)/.installed
# Which PyTorch wheel: TORCH=pypi (default) takes torch==$(TORCH_VERSION) from PyPI, which on Linux
# is the CUDA build (about 5 GB with its CUDA libraries, also used on a CPU). TORCH=cpu first takes
# the CPU-only Linux wheel from PyTorch's own CPU index, as PyTorch's install page does (under 1 GB).
TORCH ?= pypi
TORCH_VERSION := $(shell sed -n 's/^torch==//p' requirements.txt)
CPU_WHEELS := https://download.pytorch.org/whl/cpu

.PHONY: install lab test test-portability test-learner test-matrix test-colab test-gpu test-browser bench lint nav notebooks slides test-slides site test-site clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(if $(filter cpu,$(TORCH)),$(BIN)/python -m pip install --disable-pip-version-check -q \
	  torch==$(TORCH_VERSION) --index-url $(CPU_WHEELS))
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt -e .
	touch $(STAMP)

# Jupyter refuses to start as root unless told to (containers, CI machines); LAB_ARGS adds options.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: install  ## open the course in JupyterLab at chapter 01
	$(BIN)/jupyter lab $(ROOT_FLAG) $(LAB_ARGS) notebooks/01_introduction.ipynb

# nbgrader, for teachers (requirements-teacher.txt, its own stamp): `make student` and the grading
# tests of `make test` use its commands. Its JupyterLab and server extensions (Formgrader and
# assignment menus) are switched off in the venv, so `make lab` stays the learner's JupyterLab
# (README, For teachers, says how to switch them on).
TEACHER_STAMP := $(VENV)/.installed-teacher
NBGRADER_SERVER_EXTENSIONS := $(foreach name,formgrader validate_assignment assignment_list \
  course_list,nbgrader.server_extensions.$(name))
$(TEACHER_STAMP): $(STAMP) requirements-teacher.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-teacher.txt
	$(BIN)/jupyter labextension disable --level=sys_prefix @jupyter/nbgrader
	$(BIN)/jupyter server extension disable --sys-prefix $(NBGRADER_SERVER_EXTENSIONS)
	touch $(TEACHER_STAMP)

# The edition to hand out: each chapter as an nbgrader assignment, solutions and hidden tests in
# build/nbgrader/source, the release without them in build/nbgrader/release (README: For teachers).
.PHONY: student
student: install $(TEACHER_STAMP)  ## the student edition (nbgrader release) in build/nbgrader
	$(BIN)/python tools/student_edition.py

test: install lint $(TEACHER_STAMP)  ## helper unit tests and every notebook under strict nbval, on all cores (xdist)
	$(BIN)/python tools/course_nav.py --check
	$(BIN)/python -m pytest

# Every notebook under strict nbval with torch's generic CPU kernels (what a CPU without AVX2 runs)
# and with its AVX2 kernels: the stored outputs must hold on each. `make test` ran the kernels this
# CPU picks (AVX2 or AVX-512), so a pass that would run those again is skipped, and says so.
CAPABILITIES := default avx2
test-portability: install  ## every notebook under strict nbval on each of torch's CPU kernels
	set -e; native=$$($(BIN)/python -c "import torch; print(torch.backends.cpu.get_cpu_capability())"); \
	for capability in $(CAPABILITIES); do \
	  used=$$(ATEN_CPU_CAPABILITY=$$capability $(BIN)/python -c \
	    "import torch; print(torch.backends.cpu.get_cpu_capability())"); \
	  if [ "$$used" = "$$native" ]; then echo "CPU kernels $$used: make test ran them"; continue; fi; \
	  echo "CPU kernels $$used:"; ATEN_CPU_CAPABILITY=$$capability $(BIN)/python -m pytest notebooks; \
	done

# Every chapter as a learner who experiments runs it: another seed, then doubled learning rates.
# Claims that no longer hold print a verdict; the run fails only if a chapter stops on an error.
test-learner: install  ## Run All never stops when a learner changes the seed or a learning rate
	$(BIN)/python tools/run_as_learner.py --seed 1
	$(BIN)/python tools/run_as_learner.py --seed 0 --lr-scale 2

# On demand (not in CI: about an hour and 20 GB): the whole suite in fresh venvs on Python 3.11,
# 3.12 and 3.13, the PyPI wheel and the local one, and the lowest versions requirements.txt allows.
test-matrix: install  ## the whole suite in fresh venvs per Python, torch wheel and lowest versions
	$(BIN)/python tools/test_matrix.py $(SETUPS)

# The Colab route (not in make test: about 25 minutes and 11 GB of disk): for the newest torch and
# one older minor, a fresh venv with that torch and Colab's other packages, the helpers installed
# by the set-up cell's own pip command from this repository's committed tree (a local git URL),
# then every chapter under lax nbval with its checks (tools/colab_route.py; VERSIONS='2.13.0').
test-colab: install  ## every chapter with other torch versions, helpers installed as on Colab
	$(BIN)/python -m tools.colab_route $(VERSIONS)

# COURSE_DEVICE=cuda: every notebook under lax nbval (its assertions run; the stored CPU outputs are
# not compared), then CPU/GPU training parity. Without CUDA, conftest.py stops pytest at once.
test-gpu: install  ## every notebook on the GPU, and the GPU's training against the CPU's
	COURSE_DEVICE=cuda $(BIN)/python -m pytest --nbval-lax notebooks tests/test_gpu_parity.py

# Every notebook opened in JupyterLab and run in headless Chromium (tests/browser). Playwright comes
# from requirements-browser.txt (its own stamp); the browser is the system's, never downloaded.
CHROMIUM ?= /usr/bin/chromium
BROWSER_STAMP := $(VENV)/.installed-browser
$(BROWSER_STAMP): $(STAMP) requirements-browser.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-browser.txt
	touch $(BROWSER_STAMP)

test-browser: install $(BROWSER_STAMP)  ## run every notebook in JupyterLab in headless Chromium
	@test -x $(CHROMIUM) || { echo "make test-browser needs Chromium at $(CHROMIUM): install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chromium"; exit 1; }
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests/browser -m browser -v

bench: install  ## time every chapter beside plain scripts of its training, and each explorer's redraw; print the targets
	$(BIN)/python tools/bench.py

lint: install
	$(BIN)/ruff check helpers tests tools notebooks bench conftest.py

nav: install  ## regenerate navigation lines, slide metadata, contents and course map
	$(BIN)/python tools/course_nav.py

notebooks: nav  ## re-execute every chapter in a fresh kernel and save it with its outputs
	$(BIN)/python tools/run_notebooks.py

# Offline slide decks: reveal.js and MathJax pinned in tools/slides/package.json, installed with npm
# (Node.js from Debian's nodejs package) next to the decks; the build then fails if a deck loads
# anything from the network or a file that is not there.
SLIDES := build/slides
$(SLIDES)/vendor/.installed: tools/slides/package.json tools/slides/package-lock.json
	@command -v npm >/dev/null || { echo "make slides needs npm (Debian: apt-get install nodejs npm)"; exit 1; }
	rm -rf $(SLIDES)/vendor && mkdir -p $(SLIDES)/vendor
	cp tools/slides/package.json tools/slides/package-lock.json $(SLIDES)/vendor/
	cd $(SLIDES)/vendor && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

slides: install $(SLIDES)/vendor/.installed  ## one offline reveal.js deck per chapter in build/slides
	$(BIN)/python tools/build_slides.py --out $(SLIDES)

# Every slide of every deck at 1280x720 in headless Chromium with the network refused: prints the
# slides taller than the screen, code lines cut off, TeX left raw and requests refused; fails on any.
test-slides: slides $(BROWSER_STAMP)  ## measure every slide in Chromium (network refused)
	@test -x $(CHROMIUM) || { echo "make test-slides needs Chromium at $(CHROMIUM): install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chromium"; exit 1; }
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests/published/test_slides_in_chromium.py -m browser -q -n 2 --dist load

# The course website: Sphinx, MyST-NB and sphinx-book-theme from requirements-site.txt (their own
# stamp) read the stored notebooks (never executed); MathJax from npm (tools/site/package.json).
SITE_STAMP := $(VENV)/.installed-site
$(SITE_STAMP): $(STAMP) requirements-site.txt
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-site.txt
	touch $(SITE_STAMP)

build/site-vendor/.installed: tools/site/package.json tools/site/package-lock.json
	@command -v npm >/dev/null || { echo "make site needs npm (Debian: apt-get install nodejs npm)"; exit 1; }
	rm -rf build/site-vendor && mkdir -p build/site-vendor
	cp tools/site/package.json tools/site/package-lock.json build/site-vendor/
	cd build/site-vendor && npm ci --no-audit --no-fund --ignore-scripts
	touch $@

site: install $(SITE_STAMP) build/site-vendor/.installed  ## the course website in build/site (offline)
	$(BIN)/python tools/site/build_site.py --out build/site

# Every page of the site in headless Chromium with the network refused: prints links, broken links,
# typeset formulas and refused requests per page; fails on a broken link, a request or an error.
test-site: site $(BROWSER_STAMP)  ## open every page of the site in Chromium (network refused)
	@test -x $(CHROMIUM) || { echo "make test-site needs Chromium at $(CHROMIUM): install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chromium"; exit 1; }
	$(BIN)/python -m pytest tests/test_site.py -q -n 0  # make test skips it: no site packages there
	CHROMIUM=$(CHROMIUM) $(BIN)/python -m pytest tests/published/test_site_in_chromium.py -m browser -q -n 2 --dist load

clean:
	rm -rf $(VENV) build
