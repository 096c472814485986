Invoke-Command { $x = 1 }; $x; Invoke-Command -NoNewScope { $y = 2 }; $y; New-PSSession -Name v | Remove-PSSession -Verbose
