Invoke-Command -Session $s -ScriptBlock { Get-PSSession | Where-Object { $_.State -eq "Opened" } } # run it
Get-PSSession -Name a,b -Id:1,2 | Remove-PSSession
