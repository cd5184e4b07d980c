module golden/lh204rt2/go122

go 1.22
