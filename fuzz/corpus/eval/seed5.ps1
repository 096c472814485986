New-PSSession -ComputerName $null; $?
