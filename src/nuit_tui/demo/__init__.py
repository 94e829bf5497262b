"""The demo archive: NUIT meetings 1/2023 and 2/2023 as the seed documents show them."""
