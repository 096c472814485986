Get-PSSession -Name x -ea 0 -ev e; $e; $e.Count
New-PSSession a; Remove-PSSession -Id 1; Invoke-Command -ComputerName a {1}
