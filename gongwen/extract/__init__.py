"""Reading and extraction: readers → clean → outline → figures → labels."""
