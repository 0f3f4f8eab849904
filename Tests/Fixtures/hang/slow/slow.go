package slow

func Wait() {}
