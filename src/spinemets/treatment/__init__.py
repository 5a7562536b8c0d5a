"""Treatment plans over the calculators: chemotherapy doses and calendars, radiotherapy BED/EQD2 and checks.

`chemotherapy.chemo_plan`, `radiotherapy.rt_plan` and `for_case.treatment_section` are the entry points.
Plans show numbers with their sources; where a published threshold is reached they say so, and they never
choose a treatment.
"""
