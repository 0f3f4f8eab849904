package nostmts

const Answer = 42

type Point struct{ X, Y int }
