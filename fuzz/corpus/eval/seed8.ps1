Invoke-Command { Write-Output $args } -ArgumentList 1,2
