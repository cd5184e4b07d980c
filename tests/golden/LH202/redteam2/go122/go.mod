module golden/lh202rt2/go122

go 1.22
