module example.com/envcheck

go 1.22
