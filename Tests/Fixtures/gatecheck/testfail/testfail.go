package testfail

func One() int { return 1 }
