module microstax.dev/images/pause

go 1.24
