"""Bridges to the data tools analysts already use: DataFrames (pandas, polars, Arrow), Hugging Face
`datasets`, ConvoKit. Each module imports its tool inside its functions (optional extras)."""
