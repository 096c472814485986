Get-Command -Name Write-Output; Get-Help x
