Write-Output {
'}' "{" # }
<# } #>
{ `}
}
}
