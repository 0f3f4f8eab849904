package loose

func Twice(n int) int { return 2 * n }

func Half(n int) int { return n / 2 }
