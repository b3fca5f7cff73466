"""Trained model files shipped with warta (see MODEL_CARD.md); no code."""
