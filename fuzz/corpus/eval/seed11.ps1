Get-PSSession | Where-Object { $_.State -eq "Opened" -and -not ($_.Name -like "x*") }
