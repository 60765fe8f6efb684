"""Pure normalisation functions (dates, phones, names): no spaCy, no I/O."""
