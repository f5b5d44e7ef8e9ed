"""Arabic text tools: normalise, split sentences, tokenise, numbers, morphology adapters. No Django here."""
