package execsleep

// Run is covered before the test binary replaces itself.
func Run() int { return 1 }
