"""Article text -> facts -> ranked questions and vocabulary cards. No Django here."""
