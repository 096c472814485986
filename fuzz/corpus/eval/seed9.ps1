Get-PSSession -Name x -ea Stop; "never"
