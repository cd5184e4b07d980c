module golden/redteamfp

go 1.19
