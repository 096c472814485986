Write-Output a | Get-Foo
