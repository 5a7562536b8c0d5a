"""Pure numeric calculators over unit-named floats: body-surface area, dosing, radiobiology."""
