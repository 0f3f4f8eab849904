module example.com/gatecheck

go 1.22
