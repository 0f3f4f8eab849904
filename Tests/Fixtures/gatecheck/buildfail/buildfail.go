package buildfail

func Two() int { return 2 }
