1,2,3 | ForEach-Object -Begin { "b" } -Process { $_ } -End { "e" }
