Get-PSSession -Name x -ea 0 -ev e; $e; $e.Count
