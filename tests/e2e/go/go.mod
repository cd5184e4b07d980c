module lhe2e

go 1.19
