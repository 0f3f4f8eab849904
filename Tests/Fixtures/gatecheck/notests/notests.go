package notests

func Hello() string { return "hello" }
