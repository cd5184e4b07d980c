module golden/lh203rt2/go122

go 1.22
