// Command demo prints a clamped value. It has no tests, so it fails the default 80% floor.
package main

import (
	"fmt"
	"os"

	"example.com/demo/mathx"
	"example.com/demo/textfmt"
)

func main() {
	v := mathx.Clamp(len(os.Args)*10, 0, 25)
	fmt.Println(textfmt.PadRight(fmt.Sprint(v), 4) + "|")
}
