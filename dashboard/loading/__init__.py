"""Loading a folder of CSV files in the import format into the database, all or nothing."""
