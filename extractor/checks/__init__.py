"""After a backend answers: verify against the source, resolve parks, merge, grade labels, an editor's decisions."""
