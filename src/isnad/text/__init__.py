"""Arabic text layer: normalised views with offset maps, cleaning, segmentation, numbers and dates."""
