"""The Textual interface. It reads and writes only through `prep.store.Store`."""
