module leakhound/bench

go 1.19
