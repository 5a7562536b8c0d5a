"""A text in another language gets a warning that says so (the extractor reads clinical English only)."""

from __future__ import annotations

from spinemets.extract import extract_text

# Our own sentences, in Spanish and in English, about an invented patient.
SPANISH = ("Varón de 61 años con antecedente de carcinoma renal de células claras que consulta por dolor dorsal de "
           "dos meses de evolución. La resonancia magnética muestra una lesión lítica en el cuerpo vertebral de D9 con "
           "compresión medular y fractura patológica. Se realiza descompresión posterior y fijación transpedicular, "
           "seguida de radioterapia sobre la columna dorsal. El paciente recupera la marcha a los tres meses.")
ENGLISH = ("A 61-year-old man with a history of clear cell renal cell carcinoma came with two months of thoracic back "
           "pain. MRI showed a lytic lesion of the T9 vertebral body with cord compression and a pathological "
           "fracture. He underwent posterior decompression and pedicle screw fixation, followed by radiotherapy to "
           "the thoracic spine. He walked again at three months.")


def _language_warnings(text: str) -> list[str]:
    return [w for w in extract_text(text).warnings if "English" in w]


def test_a_spanish_report_is_flagged() -> None:
    assert _language_warnings(SPANISH)


def test_an_english_report_is_not() -> None:
    assert _language_warnings(ENGLISH) == []


def test_a_short_note_is_too_short_to_judge() -> None:
    assert _language_warnings("Dolor dorsal, lesión en D9.") == []
