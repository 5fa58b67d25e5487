// Barrel: re-exports this folder's public pieces.
