"""NLTK, imported by medspaCy's package through QuickUMLS, loads only when someone uses it (start-up time), and
then loads whole: QuickUMLS users in the same process lose nothing."""

import subprocess
import sys

import pytest

pytest.importorskip("nltk")

_PROGRAM = """
import sys
from spinemets.extract import extract_text
facts = extract_text('A 60-year-old man with an L2 lesion.').facts
print(type(sys.modules['nltk']).__name__)
import nltk
print(callable(nltk.word_tokenize), type(sys.modules['nltk']).__name__)
from quickumls.core import QuickUMLS
print(QuickUMLS.__name__)
"""


def test_nltk_waits_for_its_first_use_and_then_is_whole():
    out = subprocess.run([sys.executable, "-c", _PROGRAM], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["_LazyModule", "True", "module", "QuickUMLS"]


def test_a_module_already_imported_is_left_as_it_is():
    program = ("import nltk, sys\nfrom spinemets.extract import extract_text\nextract_text('L2 lesion.')\n"
               "print(type(sys.modules['nltk']).__name__)")
    out = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "module"
