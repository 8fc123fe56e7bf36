"""Topic classifier (ANT v2.1 categories): features, model loading and training."""
