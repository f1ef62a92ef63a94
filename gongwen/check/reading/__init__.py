"""What reads the document into facts the relation families use: where figures stand in
the text (sentences, brackets, cue words), what each figure names (its mention), what
tells two mentions apart, and the relation candidate every family yields."""
