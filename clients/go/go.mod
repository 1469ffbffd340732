module github.com/cyberorigen/cyberorigen/clients/go

go 1.19
